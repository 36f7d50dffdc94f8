// Seeded race events: they cross players on a shared host, whoever deployed what.
import type { Draft } from '../draft.js';
import type { Deployment, RaceEventEffect, RaceEventKind, Why } from '../types.js';
import { GUEST_OS, KIND_PARAMS, RACE_POINTS } from './params.js';
import { cardIndex, freeCapacity } from './quote.js';
import { contextOf } from './race.js';

const onPrem = (d: Deployment) => d.choice.placement === 'on-prem';

export function fireEvent(d: Draft, hostId: string, kind: RaceEventKind): void {
  const host = d.race().hosts[hostId]!;
  const deps = host.deployments;
  const cards = cardIndex(d.s);
  const affected: string[] = [];
  const effects: RaceEventEffect[] = [];
  let culprit: string | null = null;
  const charge = (dep: Deployment, delta: number, why: Why[]) => {
    if (delta === 0) return;
    dep.eventPoints += delta;
    affected.push(dep.id);
    effects.push({ playerId: dep.playerId, deploymentId: dep.id, cardId: dep.cardId, delta, why });
    d.addScore(dep.playerId, delta, why);
  };
  let headline: Why;

  switch (kind) {
    case 'kernel-cve': {
      // Fact 1: containers (and programs installed on the host) share the host kernel; VMs and sandboxes do not.
      headline = {
        topic: 'container',
        ko: '커널 취약점 발표! 호스트 커널을 공유하는 모든 컨테이너가 노출됩니다 (runc CVE-2019-5736, CVSS 8.6).',
        en: 'Kernel CVE! Every container sharing the host kernel is exposed (runc CVE-2019-5736, CVSS 8.6).',
        source: 'CVE1',
      };
      const exposed = deps.filter((x) => onPrem(x) && KIND_PARAMS[x.choice.kind].sharesHostKernel);
      const untrusted = exposed.some((x) => cards[x.cardId]?.trust === 'untrusted');
      const penalty = RACE_POINTS.cvePenalty * (untrusted ? RACE_POINTS.cveUntrustedMultiplier : 1);
      for (const dep of exposed)
        charge(dep, -penalty, [
          {
            topic: 'container',
            ko: untrusted
              ? '신뢰할 수 없는 테넌트가 같은 커널을 쓰고 있어 피해가 두 배입니다: 탈출 하나가 호스트 전체에 닿습니다.'
              : '같은 호스트 커널을 공유하므로 커널 취약점 하나에 함께 노출됩니다.',
            en: untrusted
              ? 'An untrusted tenant shares the same kernel, so the damage doubles: one escape reaches the whole host.'
              : 'It shares the host kernel, so one kernel vulnerability exposes it with the rest.',
            source: untrusted ? 'CVE2' : 'CVE1',
          },
        ]);
      for (const dep of deps.filter((x) => x.choice.placement === 'iaas' && KIND_PARAMS[x.choice.kind].sharesHostKernel))
        charge(dep, -Math.round(RACE_POINTS.cvePenalty / 2), [
          {
            topic: 'service-models',
            ko: 'IaaS VM 안의 컨테이너도 노출되지만, 피해는 그 VM 하나에 그칩니다. IaaS에서 OS 패치는 고객의 몫입니다.',
            en: 'Containers on an IaaS VM are exposed too, but only that VM is at risk; on IaaS patching the OS is your job.',
            source: 'NIST',
          },
        ]);
      break;
    }
    case 'traffic-spike': {
      headline = {
        topic: 'orchestration',
        ko: '트래픽 급증! 컨테이너는 자리가 있으면 몇 초 만에 늘어나고, VM은 부팅 시간만큼 걸립니다.',
        en: 'Traffic spike! Containers scale out in seconds if the host has room; VMs take their boot time.',
        source: 'DS',
      };
      const free = freeCapacity(contextOf(d, host));
      for (const dep of deps) {
        const card = cards[dep.cardId];
        if (!card || card.traffic !== 'bursty') continue;
        const { kind, placement } = dep.choice;
        if (placement === 'paas' || placement === 'saas') {
          charge(dep, RACE_POINTS.spikeReward, [
            { topic: 'service-models', ko: '플랫폼이 자동으로 확장했습니다.', en: 'The platform scaled it out for you.' },
          ]);
        } else if (placement === 'iaas') {
          charge(dep, -Math.round(RACE_POINTS.spikePenalty / 2), [
            {
              topic: 'vm',
              ko: '새 클라우드 VM이 뜨는 데 약 97초(리눅스)가 걸려 급증을 놓쳤습니다.',
              en: 'A new cloud VM took about 97 s (Linux) to start, and missed the spike.',
              source: 'MH',
            },
          ]);
        } else if (kind === 'traditional') {
          charge(dep, -RACE_POINTS.spikePenalty, [
            {
              topic: 'traditional',
              ko: '전통적 배포는 빠르게 늘릴 수 없습니다: 서버를 더 사서 설치해야 합니다.',
              en: 'A traditional install cannot scale out quickly: it needs another server bought and set up.',
            },
          ]);
        } else if (kind === 'container' || kind === 'sandboxed-container' || kind === 'microvm') {
          const fits = free.ramGb >= dep.ramGb && free.cpu >= dep.cpu;
          charge(
            dep,
            fits ? RACE_POINTS.spikeReward : -RACE_POINTS.spikePenalty,
            [
              fits
                ? {
                    topic: 'container',
                    ko: '호스트에 자리가 있어 인스턴스를 1초 안팎에 하나 더 띄웠습니다.',
                    en: 'The host had room: one more instance started in about a second.',
                    source: kind === 'microvm' ? 'FCS' : 'DS',
                  }
                : {
                    topic: 'virtualization',
                    ko: '빠르게 시작할 수 있어도 호스트에 남은 자원이 없어 늘리지 못했습니다.',
                    en: 'It starts fast, but the host had no free capacity to scale out.',
                  },
            ],
          );
        } else {
          charge(dep, -Math.round(RACE_POINTS.spikePenalty / 2), [
            {
              topic: 'vm',
              ko: `VM을 하나 더 띄우는 데 게스트 OS 부팅(${GUEST_OS[card.guestOs].startS}초)이 걸렸습니다.`,
              en: `Adding a VM meant booting a guest OS (${GUEST_OS[card.guestOs].startS} s).`,
              source: 'DP',
            },
          ]);
        }
      }
      break;
    }
    case 'noisy-neighbour': {
      headline = {
        topic: 'traditional',
        ko: '시끄러운 이웃! 한 워크로드가 자원을 독차지합니다. 하이퍼바이저 격리는 피해를 2-4%로 막았습니다 (Xen).',
        en: 'Noisy neighbour! One workload hogs the host. Hypervisor isolation held the damage to 2-4% (Xen).',
        source: 'X',
      };
      const local = deps.filter(onPrem);
      if (local.length < 2) break;
      const noisy = d.rng.pick(local);
      culprit = noisy.id;
      for (const dep of local) {
        if (dep.id === noisy.id) continue;
        const exposure = KIND_PARAMS[dep.choice.kind].noisyExposure;
        const loss = Math.round(RACE_POINTS.noisyPenaltyMax * exposure);
        charge(dep, -loss, [
          dep.choice.kind === 'traditional'
            ? {
                topic: 'traditional',
                ko: '같은 OS에 함께 설치된 프로그램은 이웃의 폭주를 그대로 맞습니다.',
                en: 'Programs installed together on one OS take the neighbour’s load in full.',
                source: 'X',
              }
            : KIND_PARAMS[dep.choice.kind].sharesHostKernel
              ? {
                  topic: 'container',
                  ko: 'cgroups 할당량이 있어도 한 커널을 공유하는 컨테이너는 일부 영향을 받습니다.',
                  en: 'Even with cgroup quotas, containers on one kernel feel some of it.',
                }
              : {
                  topic: 'hypervisor-type1',
                  ko: '하이퍼바이저가 성능을 격리해 피해가 몇 %에 그쳤습니다.',
                  en: 'The hypervisor isolated performance: the loss stayed at a few percent.',
                  source: 'X',
                },
        ]);
      }
      break;
    }
    case 'hardware-failure': {
      headline = {
        topic: 'on-prem',
        ko: '호스트 하드웨어 고장! 온프레미스 워크로드는 멈추고, 클라우드의 워크로드는 살아남습니다.',
        en: 'Host hardware failure! On-premise workloads go down; cloud ones survive.',
      };
      for (const dep of deps) {
        if (onPrem(dep))
          charge(dep, -RACE_POINTS.hardwareFailurePenalty, [
            {
              topic: 'on-prem',
              ko: '온프레미스는 하드웨어 장애도 직접 책임집니다: 이 호스트의 모든 것이 멈췄습니다.',
              en: 'On-premise, hardware faults are yours too: everything on this host went down.',
            },
          ]);
        else
          charge(dep, RACE_POINTS.cloudSurvivalReward, [
            {
              topic: 'service-models',
              ko: '클라우드 제공자의 인프라에서 돌아 영향이 없었습니다.',
              en: 'It ran on the provider’s infrastructure and was not affected.',
            },
          ]);
      }
      break;
    }
    case 'patch-day': {
      headline = {
        topic: 'vm',
        ko: '패치의 날! VM은 게스트 OS를 하나씩 패치하고, 컨테이너는 호스트 한 번, PaaS·SaaS는 제공자가 패치합니다.',
        en: 'Patch day! Each VM’s guest OS is patched on its own; containers need only the host; PaaS and SaaS are patched for you.',
      };
      const kernelSharers = deps.filter((x) => onPrem(x) && KIND_PARAMS[x.choice.kind].sharesHostKernel);
      const share = kernelSharers.length > 0 ? Math.ceil(RACE_POINTS.patchPerHostKernel / kernelSharers.length) : 0;
      for (const dep of deps) {
        const { kind, placement } = dep.choice;
        if (placement === 'paas' || placement === 'saas') continue;
        if (KIND_PARAMS[kind].ownGuestOs || placement === 'iaas') {
          charge(dep, -RACE_POINTS.patchPerGuestOs, [
            {
              topic: 'vm',
              ko: '게스트 OS마다 따로 패치해야 합니다.',
              en: 'Every guest OS has to be patched on its own.',
            },
          ]);
        } else if (kernelSharers.includes(dep)) {
          charge(dep, -(share + (kind === 'traditional' ? RACE_POINTS.patchPerHostKernel : 0)), [
            kind === 'traditional'
              ? {
                  topic: 'traditional',
                  ko: '호스트 OS를 패치하며 재부팅하자 함께 설치된 프로그램이 모두 멈췄습니다.',
                  en: 'Patching and rebooting the host OS stopped every program installed on it.',
                }
              : {
                  topic: 'container',
                  ko: '컨테이너는 호스트 OS만 패치하면 됩니다: 비용을 함께 나눕니다.',
                  en: 'Containers need only the host OS patched: the cost is shared.',
                },
          ]);
        }
      }
      break;
    }
  }
  d.emit({ type: 'race-event', hostId, kind, affected, effects, culprit, why: [headline] });
}
