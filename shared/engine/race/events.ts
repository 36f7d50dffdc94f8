// Seeded race events: they cross players on a shared host, whoever deployed what. A hardware failure or a patch
// reboot stops deployments (Deployment.down) until the race brings them back (recoverDue).
import type { Draft } from '../draft.js';
import type { Deployment, GuestOs, RaceEventEffect, RaceEventKind, Why } from '../types.js';
import {
  CLOUD_VM_START_S,
  DOWNTIME_MIN,
  GAME_TIME_SCALE,
  GUEST_OS,
  IMAGE_KINDS,
  KIND_PARAMS,
  RACE_POINTS,
  TYPE2_BOOT_FACTOR,
} from './params.js';
import { cardIndex, freeCapacity, podLimit, podsOnHost } from './quote.js';
import { contextOf } from './race.js';

const onPrem = (d: Deployment) => d.choice.placement === 'on-prem';
const orchestrated = (d: Deployment) => onPrem(d) && d.choice.kind === 'orchestrated-container';
const OS = { linux: { ko: '리눅스', en: 'Linux' }, windows: { ko: '윈도우', en: 'Windows' } } as const;
/** Kinds that run under a Type 1 hypervisor on the host (a sandboxed container has none). */
const TYPE1 = new Set(['vm-full', 'vm-para', 'microvm']);

/**
 * Stops a deployment for `minutes` of real time from `at` (scaled to game time to decide when it is back), and
 * counts in its downtime only the minutes that do not overlap an outage it is already in.
 */
function stop(dep: Deployment, at: number, minutes: number): void {
  const until = at + Math.round(minutes * 60_000 * GAME_TIME_SCALE);
  const from = dep.down && dep.downUntil !== undefined ? Math.max(at, dep.downUntil) : at;
  if (until <= from) return;
  dep.downtimeMin = Math.round(((dep.downtimeMin ?? 0) + (until - from) / (60_000 * GAME_TIME_SCALE)) * 100) / 100;
  dep.down = true;
  dep.downUntil = until;
}

/** Brings back every deployment whose outage ended by `at`, one `recovered` event per host. */
export function recoverDue(d: Draft, at: number): void {
  const due = (dep: Deployment) => dep.down && dep.downUntil !== undefined && dep.downUntil <= at;
  const race = d.s.race;
  if (!race || !Object.values(race.hosts).some((h) => h.deployments.some(due))) return;
  for (const host of Object.values(d.race().hosts)) {
    const back = host.deployments.filter(due);
    if (back.length === 0) continue;
    for (const dep of back) {
      dep.down = false;
      delete dep.downUntil;
    }
    d.emit({ type: 'recovered', hostId: host.id, deploymentIds: back.map((x) => x.id) });
  }
}

/** A VM's boot on premises and the row it comes from. */
function vmBoot(kind: Deployment['choice']['kind'], os: GuestOs): { s: number; source: Why['source'] } {
  const g = GUEST_OS[os];
  return kind === 'vm-type2'
    ? { s: g.startS * TYPE2_BOOT_FACTOR, source: 'GUESS' }
    : { s: g.startS, source: g.startSource };
}

export function fireEvent(d: Draft, hostId: string, kind: RaceEventKind, at: number): void {
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
      // runc is the container runtime, not the kernel: the headline names it as the runtime's flaw it is.
      headline = {
        topic: 'container',
        ko:
          '커널 취약점 발표! 이 호스트의 커널을 함께 쓰는 워크로드가 모두 노출됩니다. 컨테이너는 커널을 공유하므로 커널이나 컨테이너 ' +
          '런타임의 결함 하나(runc CVE-2019-5736, CVSS 8.6)가 모든 컨테이너에 닿을 수 있습니다.',
        en:
          'Kernel vulnerability! Everything sharing this host’s kernel is exposed. ' +
          'Containers share it, so one flaw in the kernel or in the container ' +
          'runtime (runc CVE-2019-5736, CVSS 8.6) can reach every container.',
        source: 'CVE1',
      };
      const exposed = deps.filter((x) => onPrem(x) && KIND_PARAMS[x.choice.kind].sharesHostKernel);
      const untrusted = exposed.some((x) => cards[x.cardId]?.trust === 'untrusted');
      // The multiplier is a game rule (GUESS), and the text says so.
      const penalty = RACE_POINTS.cvePenalty * (untrusted ? RACE_POINTS.cveUntrustedMultiplier : 1);
      for (const dep of exposed)
        charge(dep, -penalty, [
          untrusted
            ? {
                topic: 'container',
                ko: '신뢰할 수 없는 테넌트가 같은 커널을 씁니다. 탈출 한 번이 호스트 전체에 닿을 수 있어(runc CVE-2024-21626) 게임은 이 감점을 두 배로 매깁니다.',
                en:
                  'An untrusted tenant shares this kernel. One escape can reach the whole ' +
                  'host (runc CVE-2024-21626), so the game doubles this penalty.',
                source: 'CVE2',
              }
            : {
                topic: 'container',
                ko: '호스트 커널을 함께 쓰므로 커널 취약점 하나에 다른 워크로드와 함께 노출됩니다.',
                en: 'It shares the host kernel, so one kernel vulnerability exposes it with the rest.',
              },
        ]);
      for (const dep of deps.filter(
        (x) => x.choice.placement === 'iaas' && KIND_PARAMS[x.choice.kind].sharesHostKernel,
      ))
        charge(dep, -Math.round(RACE_POINTS.cvePenalty / 2), [
          {
            topic: 'service-models',
            ko: 'IaaS VM 안의 컨테이너도 노출되지만 위험은 그 VM 하나에 그칩니다. IaaS에서 OS 패치는 고객이 맡습니다.',
            en:
              'Containers on an IaaS VM are exposed too, but only that VM is at risk; ' +
              'on IaaS patching the OS is your job.',
            source: 'NIST',
          },
        ]);
      break;
    }
    case 'traffic-spike': {
      headline = {
        topic: 'orchestration',
        ko:
          '트래픽 급증! 호스트에 자리가 있으면 컨테이너는 몇 초 안에 늘어나고, VM은 부팅하는 만큼 걸립니다. 오케스트레이터 아래의 ' +
          '컨테이너는 스스로 늘어나지만, 그렇지 않으면 누군가 직접 늘려야 합니다.',
        en:
          'Traffic spike! Containers scale out in seconds if the host has room; ' +
          'VMs take their boot time. Under an orchestrator containers scale out by ' +
          'themselves; without one, somebody has to do it.',
      };
      const free = freeCapacity(contextOf(d, host));
      let podRoom = podLimit(host.spec) - podsOnHost(deps, cards);
      for (const dep of deps) {
        const card = cards[dep.cardId];
        if (!card || card.traffic !== 'bursty') continue;
        const { kind, placement } = dep.choice;
        if (placement === 'paas' || placement === 'saas') {
          charge(dep, RACE_POINTS.spikeReward, [
            { topic: 'service-models', ko: '플랫폼이 알아서 확장했습니다.', en: 'The platform scaled it out for you.' },
          ]);
        } else if (placement === 'iaas') {
          const os = card.guestOs;
          charge(dep, -Math.round(RACE_POINTS.spikePenalty / 2), [
            {
              topic: 'vm',
              ko: `새 클라우드 ${OS[os].ko} VM이 뜨는 데 약 ${CLOUD_VM_START_S[os]}초가 걸려 급증을 놓쳤습니다.`,
              en: `A new cloud ${OS[os].en} VM took about ${CLOUD_VM_START_S[os]} s to start, and missed the spike.`,
              source: 'MH',
            },
          ]);
        } else if (kind === 'traditional') {
          charge(dep, -RACE_POINTS.spikePenalty, [
            {
              topic: 'traditional',
              ko: '전통적 배포는 빠르게 늘릴 수 없습니다. 서버를 더 사서 설치해야 하기 때문입니다.',
              en: 'A traditional install cannot scale out quickly: it needs another server bought and set up.',
            },
          ]);
        } else if (kind === 'orchestrated-container') {
          // The autoscaler adds a replica set of the same size where the pool has CPU, memory and pods to spare.
          const replicas = card.replicas ?? 1;
          const room = free.cpu >= card.cpu && free.ramGb >= card.ramGb;
          const pods = podRoom >= replicas;
          if (room && pods) podRoom -= replicas;
          charge(dep, room && pods ? RACE_POINTS.spikeReward : -RACE_POINTS.spikePenalty, [
            room && pods
              ? {
                  topic: 'orchestration',
                  ko: '부하가 늘자 오케스트레이터의 자동 확장이 복제본을 늘렸습니다. 사람이 손댈 필요가 없었습니다.',
                  en: 'As load rose, the orchestrator’s autoscaler added replicas: nobody had to step in.',
                }
              : !room
                ? {
                    topic: 'orchestration',
                    ko: '오케스트레이터가 복제본을 늘리려 했지만, 호스트에 남은 CPU와 메모리가 없어 새 파드가 대기 상태로 남았습니다.',
                    en:
                      'The orchestrator tried to add replicas, but the host had no CPU or ' +
                      'memory to spare: the new pods stayed pending.',
                  }
                : {
                    topic: 'orchestration',
                    ko: '오케스트레이터가 복제본을 늘리려 했지만 노드의 파드 한도에 걸렸습니다. Kubernetes는 노드 하나에 파드를 최대 110개까지 지원합니다.',
                    en:
                      'The orchestrator tried to add replicas but hit the node’s pod limit: ' +
                      'Kubernetes supports at most 110 pods per node.',
                    source: 'K8S',
                  },
          ]);
        } else if (kind === 'container' || kind === 'sandboxed-container' || kind === 'microvm') {
          // No orchestrator: somebody notices the spike and starts more by hand (a smaller reward than an
          // autoscaler's, GUESS).
          const fits = free.ramGb >= dep.ramGb && free.cpu >= dep.cpu;
          const started: Why =
            kind === 'microvm'
              ? {
                  topic: 'vm',
                  ko: '호스트에 자리가 있어 microVM을 125 ms 안에 하나 더 띄웠습니다. 다만 오케스트레이터가 없어 누군가 급증을 알아채고 직접 띄워야 했습니다.',
                  en:
                    'The host had room: one more microVM started within 125 ms, but with no ' +
                    'orchestrator somebody had to notice the spike and start it by hand.',
                  source: 'FCS',
                }
              : kind === 'container'
                ? {
                    topic: 'container',
                    ko:
                      '호스트에 자리가 있어 컨테이너를 하나 더 띄웠습니다 (docker run 약 0.6-1.2초). 다만 오케스트레이터가 없어 ' +
                      '누군가 급증을 알아채고 직접 띄워야 했습니다.',
                    en:
                      'The host had room: one more container started (docker run takes about ' +
                      '0.6-1.2 s), but with no orchestrator somebody had to notice the spike ' +
                      'and start it by hand.',
                    source: 'DS',
                  }
                : {
                    topic: 'container',
                    ko: '호스트에 자리가 있어 샌드박스 컨테이너를 하나 더 띄웠습니다. 다만 오케스트레이터가 없어 누군가 급증을 알아채고 직접 띄워야 했습니다.',
                    en:
                      'The host had room: one more sandboxed container started, but with no ' +
                      'orchestrator somebody had to notice the spike and start it by hand.',
                  };
          charge(dep, fits ? RACE_POINTS.spikeManualReward : -RACE_POINTS.spikePenalty, [
            fits
              ? started
              : {
                  topic: 'virtualization',
                  ko: '빨리 시작할 수 있어도 호스트에 남은 자원이 없어 늘리지 못했습니다.',
                  en: 'It starts fast, but the host had no free capacity to scale out.',
                },
          ]);
        } else {
          const boot = vmBoot(kind, card.guestOs);
          charge(dep, -Math.round(RACE_POINTS.spikePenalty / 2), [
            {
              topic: 'vm',
              ko: `VM을 하나 더 띄우려면 ${OS[card.guestOs].ko} 게스트 OS가 부팅해야 했습니다 (약 ${boot.s}초).`,
              en: `Adding a VM meant booting a ${OS[card.guestOs].en} guest OS (about ${boot.s} s).`,
              source: boot.source,
            },
          ]);
        }
      }
      break;
    }
    case 'noisy-neighbour': {
      const local = deps.filter(onPrem);
      const noisy = local.length >= 2 ? d.rng.pick(local) : null;
      culprit = noisy?.id ?? null;
      // Fewer than two on the host: nobody to hog it from.
      const victims = noisy ? local.filter((x) => x !== noisy) : [];
      // Xen's 2-4% is a hypervisor's figure: the headline states it only where a Type 1 hypervisor is there to hold it.
      headline = victims.some((x) => TYPE1.has(x.choice.kind))
        ? {
            topic: 'hypervisor-type1',
            ko: '시끄러운 이웃! 한 워크로드가 호스트의 CPU와 디스크를 독차지합니다. 하이퍼바이저 아래의 VM은 손실이 몇 %에 그칩니다 (Xen 측정 2-4%).',
            en:
              'Noisy neighbour! One workload hogs the host’s CPU and disk. VMs under a ' +
              'hypervisor lose only a few percent (Xen measured 2-4%).',
            source: 'X',
          }
        : {
            topic: 'traditional',
            ko: '시끄러운 이웃! 한 워크로드가 호스트의 CPU와 디스크를 독차지합니다.',
            en: 'Noisy neighbour! One workload hogs the host’s CPU and disk.',
          };
      for (const dep of victims) {
        const k = dep.choice.kind;
        const exposure = KIND_PARAMS[k].noisyExposure;
        const loss = Math.round(RACE_POINTS.noisyPenaltyMax * exposure);
        const why: Why =
          k === 'traditional'
            ? {
                topic: 'traditional',
                ko: '한 OS에 함께 설치된 프로그램은 이웃의 폭주를 그대로 맞습니다.',
                en: 'Programs installed together on one OS take the neighbour’s load in full.',
                source: 'X',
              }
            : k === 'container' || k === 'orchestrated-container'
              ? {
                  topic: 'container',
                  ko: 'cgroups로 할당량을 정해도 한 커널을 함께 쓰는 컨테이너는 어느 정도 영향을 받습니다.',
                  en: 'Even with cgroup quotas, containers on one kernel feel some of it.',
                }
              : k === 'sandboxed-container'
                ? {
                    topic: 'container',
                    ko: '샌드박스 컨테이너를 막아 줄 하이퍼바이저는 없습니다. 호스트의 CPU와 디스크를 함께 쓰므로 부하의 일부가 전해졌습니다.',
                    en:
                      'No hypervisor fences a sandboxed container off: it shares the host’s ' +
                      'CPU and disk, and felt some of the load.',
                  }
                : k === 'vm-type2'
                  ? {
                      topic: 'hypervisor-type2',
                      ko: '호스트형 하이퍼바이저는 데스크톱 OS의 다른 프로그램과 함께 돌기 때문에, Type 1 VM보다 부하가 더 많이 전해졌습니다.',
                      en:
                        'A hosted hypervisor runs among the desktop OS’s other programs, so more ' +
                        'of the load reached this VM than a Type 1 VM would feel.',
                    }
                  : {
                      topic: 'hypervisor-type1',
                      ko: '하이퍼바이저가 성능을 격리해 손실이 몇 %에 그쳤습니다 (Xen 측정 2-4%).',
                      en: 'The hypervisor isolated performance: the loss stayed at a few percent (Xen measured 2-4%).',
                      source: 'X',
                    };
        charge(dep, -loss, [why]);
      }
      break;
    }
    case 'hardware-failure': {
      const nodes = host.spec.nodes ?? 1;
      const local = deps.filter(onPrem);
      // One node of the pool fails. Deployments sit on the nodes in turn (the game's simple placement).
      const failed = nodes > 1 ? d.rng.int(nodes) : 0;
      const onFailed = (dep: Deployment) => local.indexOf(dep) % nodes === failed;
      headline =
        nodes > 1
          ? {
              topic: 'orchestration',
              ko:
                '호스트 풀의 노드 한 대가 고장 났습니다! 그 노드에서 돌던 것은 수리될 때까지 멈춥니다. 오케스트레이터 아래의 컨테이너는 기본 ' +
                '설정으로 5분 뒤 다른 노드에서 다시 뜨고, 클라우드 워크로드는 그대로 돕니다.',
              en:
                'Hardware failure on one node of the pool! What ran on it is down until ' +
                'it is repaired; orchestrated containers are restarted on the other ' +
                'nodes after 5 min (the default), and cloud workloads carry on.',
              source: 'K8T',
            }
          : {
              topic: 'on-prem',
              ko: '호스트 하드웨어 고장! 이 호스트의 온프레미스 워크로드는 수리될 때까지 멈추고, 제공자의 하드웨어에서 도는 클라우드 워크로드는 그대로 돕니다.',
              en:
                'Host hardware failure! On-premise workloads on this host are down until ' +
                'it is repaired; cloud workloads run on the provider’s hardware and ' +
                'carry on.',
            };
      // Restarting elsewhere needs room on the nodes that are left (the pool's free capacity, less the failed node's).
      const free = freeCapacity(contextOf(d, host));
      const spare = { cpu: free.cpu - host.spec.cores / nodes, ramGb: free.ramGb - host.spec.ramGb / nodes };
      for (const dep of local)
        if (onFailed(dep)) {
          spare.cpu += dep.cpu;
          spare.ramGb += dep.ramGb;
        }
      for (const dep of deps) {
        if (onPrem(dep) && !onFailed(dep)) continue;
        if (orchestrated(dep) && nodes > 1) {
          const fits = spare.cpu >= dep.cpu && spare.ramGb >= dep.ramGb;
          if (fits) {
            spare.cpu -= dep.cpu;
            spare.ramGb -= dep.ramGb;
            stop(dep, at, DOWNTIME_MIN.podReschedule);
            charge(dep, -RACE_POINTS.rescheduledPenalty, [
              {
                topic: 'orchestration',
                ko: '이 파드가 돌던 노드가 고장 났습니다. Kubernetes가 기본 설정대로 5분을 기다린 뒤 파드를 내보내고 다른 노드에서 다시 띄워, 몇 시간이 아니라 몇 분만 멈췄습니다.',
                en:
                  'The node its pods ran on failed: Kubernetes waited its default 5 min, ' +
                  'evicted them and started them on another node, so it was down for ' +
                  'minutes, not hours.',
                source: 'K8T',
              },
            ]);
            continue;
          }
          stop(dep, at, DOWNTIME_MIN.hardwareFailure);
          charge(dep, -RACE_POINTS.hardwareFailurePenalty, [
            {
              topic: 'orchestration',
              ko: '오케스트레이터가 다른 노드에서 다시 띄우려 했지만 남은 노드에 자리가 없어, 파드가 수리가 끝날 때까지 대기 상태로 남았습니다.',
              en:
                'The orchestrator tried to restart it on another node, but the nodes ' +
                'left had no room: its pods stayed pending until the repair.',
            },
          ]);
          continue;
        }
        if (orchestrated(dep)) {
          stop(dep, at, DOWNTIME_MIN.hardwareFailure);
          charge(dep, -RACE_POINTS.hardwareFailurePenalty, [
            {
              topic: 'orchestration',
              ko: '오케스트레이터 아래에 있어도 이 호스트가 유일한 노드라 파드를 다시 띄울 다른 노드가 없었습니다. 수리가 끝날 때까지 함께 멈췄습니다.',
              en:
                'It runs under an orchestrator, but this host is its only node: there ' +
                'was no other node to restart the pods on, so it is down until the ' +
                'repair.',
            },
          ]);
          continue;
        }
        if (onPrem(dep)) {
          stop(dep, at, DOWNTIME_MIN.hardwareFailure);
          charge(dep, -RACE_POINTS.hardwareFailurePenalty, [
            {
              topic: 'on-prem',
              ko:
                `온프레미스에서는 하드웨어 고장도 직접 책임집니다. ${nodes > 1 ? '이 워크로드가 돌던 노드' : '이 호스트'}가 고장 ` +
                `나, 수리가 끝날 때까지(약 ${DOWNTIME_MIN.hardwareFailure}분) 그 위의 모든 것이 멈췄습니다.`,
              en:
                `On-premise, hardware faults are yours too: ${nodes > 1 ? 'the node it ran on' : 'this host'} ` +
                `failed, and everything on it is down until it is repaired ` +
                `(about ${DOWNTIME_MIN.hardwareFailure} min).`,
              source: 'GUESS',
            },
          ]);
        } else
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
        ko:
          '패치의 날! 호스트 OS를 패치하고 재부팅하는 동안 이 호스트에서 도는 것은 모두 잠시 멈춥니다. VM은 게스트 OS마다 따로 ' +
          '패치하고, 컨테이너는 호스트 커널 패치를 함께 쓰지만 이미지는 다시 빌드해야 합니다. PaaS와 SaaS는 제공자가 패치합니다.',
        en:
          'Patch day! The host OS is patched and rebooted, which stops everything ' +
          'running on this host for a while. Each VM’s guest OS is patched on its ' +
          'own; containers share the host’s kernel patch but need their images ' +
          'rebuilt; PaaS and SaaS are patched by the provider.',
      };
      const kernelSharers = deps.filter((x) => onPrem(x) && KIND_PARAMS[x.choice.kind].sharesHostKernel);
      const share = kernelSharers.length > 0 ? Math.ceil(RACE_POINTS.patchPerHostKernel / kernelSharers.length) : 0;
      // The host's reboot stops everything on premises on this host, whatever the kind; with two nodes or more an
      // orchestrator drains one node at a time and moves its pods to the others (a rolling reboot): they stay up.
      const rolling = (host.spec.nodes ?? 1) > 1;
      for (const dep of deps)
        if (onPrem(dep) && !(rolling && orchestrated(dep))) stop(dep, at, DOWNTIME_MIN.patchReboot);
      for (const dep of deps) {
        const { kind, placement } = dep.choice;
        if (placement === 'paas' || placement === 'saas') continue;
        if (placement === 'iaas') {
          charge(dep, -RACE_POINTS.patchPerGuestOs, [
            {
              topic: 'service-models',
              ko: 'IaaS에서는 VM의 게스트 OS를 직접 패치해야 합니다. 호스트는 제공자가 패치합니다.',
              en: 'On IaaS you patch your VM’s guest OS yourself; the provider patches the hosts.',
              source: 'NIST',
            },
          ]);
        } else if (KIND_PARAMS[kind].ownGuestOs) {
          charge(dep, -RACE_POINTS.patchPerGuestOs, [
            {
              topic: 'vm',
              ko: '게스트 OS마다 따로 패치해야 합니다. 호스트를 재부팅하는 동안에는 이 VM도 멈췄습니다.',
              en: 'Every guest OS has to be patched on its own, and the host’s reboot stopped this VM too.',
            },
          ]);
        } else if (kernelSharers.includes(dep)) {
          const rebuild = IMAGE_KINDS.includes(kind) ? RACE_POINTS.patchPerImage : 0;
          charge(dep, -(share + rebuild + (kind === 'traditional' ? RACE_POINTS.patchPerHostKernel : 0)), [
            kind === 'orchestrated-container'
              ? rolling
                ? {
                    topic: 'orchestration',
                    ko:
                      '컨테이너는 패치한 호스트 커널 하나를 함께 씁니다. 라이브러리가 패치된 이미지는 다시 빌드해야 하지만, 오케스트레이터가 노드를 ' +
                      '하나씩 비우며 재부팅하고 새 이미지의 파드로 차례차례 바꿔서 서비스가 멈추지 않았습니다.',
                    en:
                      'Containers share the one patched host kernel; images with patched ' +
                      'libraries must be rebuilt, but the orchestrator drained and rebooted ' +
                      'one node at a time and rolled the pods onto the new image, so the ' +
                      'service never stopped.',
                  }
                : {
                    topic: 'orchestration',
                    ko: '라이브러리가 패치된 이미지는 다시 빌드해야 합니다. 노드가 하나뿐이라 파드를 옮겨 둘 곳이 없어, 오케스트레이터가 있어도 재부팅하는 동안 함께 멈췄습니다.',
                    en:
                      'Images with patched libraries must be rebuilt, and with a single node ' +
                      'there was nowhere to move the pods: orchestrated or not, they stopped ' +
                      'during the reboot.',
                  }
              : kind === 'traditional'
                ? {
                    topic: 'traditional',
                    ko: '호스트 OS에 직접 설치한 프로그램은 OS의 라이브러리를 함께 씁니다. 하나를 고치다 다른 프로그램이 깨질 수 있고, 재부팅하는 동안 모두 멈췄습니다.',
                    en:
                      'Programs installed on the host OS share its libraries: patching one can ' +
                      'break another, and the reboot stopped them all.',
                  }
                : {
                    topic: 'container',
                    ko:
                      '컨테이너는 패치한 호스트 커널 하나를 함께 써 그 비용을 나눕니다. 하지만 라이브러리가 패치된 이미지는 다시 빌드해 배포해야 ' +
                      '하고, 호스트를 재부팅하는 동안에는 컨테이너도 멈췄습니다.',
                    en:
                      'Containers share the one patched host kernel and split its cost, but ' +
                      'images with patched libraries must be rebuilt and redeployed, and the ' +
                      'host’s reboot stopped them too.',
                  },
          ]);
        } else if (IMAGE_KINDS.includes(kind)) {
          // A sandboxed container has no host-kernel share to pay, but its image is rebuilt like any other.
          charge(dep, -RACE_POINTS.patchPerImage, [
            {
              topic: 'docker',
              ko: '이미지는 바뀌지 않으므로, 라이브러리가 패치되면 이미지를 다시 빌드해 컨테이너를 새로 띄워야 합니다. 호스트를 재부팅하는 동안에는 이 컨테이너도 멈췄습니다.',
              en:
                'An image never changes, so a patched library means a rebuilt image and ' +
                'a fresh container; the host’s reboot stopped this one too.',
            },
          ]);
        }
      }
      break;
    }
  }
  d.emit({ type: 'race-event', hostId, kind, affected, effects, culprit, why: [headline] });
}
