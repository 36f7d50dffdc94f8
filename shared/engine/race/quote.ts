// quoteDeployment: what a deployment choice would cost and earn, before a player commits.
// The client calls it on every hover, the engine calls it to score a deploy, the planner to search.
import type {
  BaseImage,
  DeployChoice,
  Deployment,
  FactTag,
  GameState,
  HostSpec,
  Quote,
  QuoteBreakdown,
  WorkloadCard,
  Why,
} from '../types.js';
import {
  BASE_IMAGE_MB,
  CLOUD_VM_START_S,
  COST,
  EFFICIENCY_WEIGHTS,
  GAME_TIME_SCALE,
  GUEST_OS,
  IMAGE_KINDS,
  KIND_PARAMS,
  MICROVM_KERNEL_GB,
  ORCHESTRATION,
  PAAS_PERF,
  PLACEMENT_PARAMS,
  PULL_MB_PER_S,
  QUOTE_SCORING,
  RACE_POINTS,
  SAAS_PERF,
  TYPE2_BOOT_FACTOR,
} from './params.js';
import { legalChoices, normalizeChoice, ruleBlockers } from './rules.js';

export { legalChoices };

export interface HostContext {
  spec: HostSpec;
  /** Deployments already on this host (on- and off-premise). */
  deployments: readonly Deployment[];
  /** Cards by id, to know the neighbours' trust and sensitivity. */
  cards: Readonly<Record<string, WorkloadCard>>;
  /**
   * The deployments that were on the host when this one was deployed: whose image layers and control plane it found
   * there. Absent: `deployments` (a quote before deploying). The final audit passes the earlier ones only, so a
   * later neighbour never makes an image "already pulled" after the fact.
   */
  sharedFrom?: readonly Deployment[];
}

const onPremImage = (d: Deployment) => d.choice.placement === 'on-prem' && IMAGE_KINDS.includes(d.choice.kind);
const onPremOrchestrated = (d: Deployment) =>
  d.choice.placement === 'on-prem' && d.choice.kind === 'orchestrated-container';

/** A base image's layers are on the host: some container there runs an image built on it. */
export function baseOnHost(
  deps: readonly Deployment[],
  cards: Readonly<Record<string, WorkloadCard>>,
  base: BaseImage,
): boolean {
  return deps.some((d) => onPremImage(d) && cards[d.cardId]?.image?.base === base);
}

/** An orchestrator's control plane already runs on the host pool. */
export function controlPlaneOnHost(deps: readonly Deployment[]): boolean {
  return deps.some(onPremOrchestrated);
}

/** Pods the orchestrated deployments on the host pool run (a card's replicas, 1 by default). */
export function podsOnHost(deps: readonly Deployment[], cards: Readonly<Record<string, WorkloadCard>>): number {
  let pods = 0;
  for (const d of deps) if (onPremOrchestrated(d)) pods += cards[d.cardId]?.replicas ?? 1;
  return pods;
}

/** The pod limit of a host pool ([K8S]: 110 per node). */
export const podLimit = (spec: HostSpec) => ORCHESTRATION.podsPerNode * (spec.nodes ?? 1);

const round2 = (x: number) => Math.round(x * 100) / 100;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export function freeCapacity(ctx: HostContext): { cpu: number; ramGb: number; diskGb: number } {
  let cpu = ctx.spec.cores;
  let ramGb = ctx.spec.ramGb;
  let diskGb = ctx.spec.diskGb;
  for (const d of ctx.deployments) {
    cpu -= d.cpu;
    ramGb -= d.ramGb;
    diskGb -= d.diskGb;
  }
  return { cpu, ramGb, diskGb };
}

const isFullVm = (kind: string) => kind === 'vm-full' || kind === 'vm-para' || kind === 'vm-type2';

/** Quote a choice for a card on a host described by its context. Pure and allocation-light. */
export function quoteOnHost(ctx: HostContext, card: WorkloadCard, rawChoice: DeployChoice): Quote {
  const choice = normalizeChoice(rawChoice);
  const { kind, placement } = choice;
  const k = KIND_PARAMS[kind];
  const blockers = ruleBlockers(card, ctx.spec, choice);
  const why: Why[] = [];
  const onPrem = placement === 'on-prem';
  const offService = placement === 'paas' || placement === 'saas';

  // Resources taken from the host.
  const earlier = ctx.sharedFrom ?? ctx.deployments;
  // Images: a card that names its image pays only the layers not on the host yet ([DL]); one that does not keeps
  // the flat model (a debian-sized image, already there).
  // A microVM boots a root filesystem of its own made from the image: fetched whole, sharing no layers.
  const img =
    (IMAGE_KINDS.includes(kind) && (onPrem || placement === 'iaas')) || (kind === 'microvm' && onPrem)
      ? card.image
      : undefined;
  const baseShared =
    img !== undefined && onPrem && IMAGE_KINDS.includes(kind) && baseOnHost(earlier, ctx.cards, img.base);
  const pullMb = img ? (baseShared ? 0 : BASE_IMAGE_MB[img.base]) + img.ownMb : 0;
  // The orchestrator's control plane: the first orchestrated deployment on the pool brings it ([KA]).
  const bringsControlPlane = onPrem && kind === 'orchestrated-container' && !controlPlaneOnHost(earlier);
  const cpCpu = bringsControlPlane ? ORCHESTRATION.controlPlaneCpu : 0;
  const cpRamGb = bringsControlPlane ? ORCHESTRATION.controlPlaneRamGb : 0;
  let overheadRamGb = 0;
  let overheadDiskGb = 0;
  if (onPrem) {
    overheadRamGb = k.runtimeRamGb + (isFullVm(kind) ? GUEST_OS[card.guestOs].ramGb : 0) + cpRamGb;
    overheadDiskGb = img
      ? pullMb / 1000 + (kind === 'microvm' ? MICROVM_KERNEL_GB : 0)
      : k.imageDiskGb + (isFullVm(kind) ? GUEST_OS[card.guestOs].diskGb : 0);
  }
  const perf = placement === 'paas' ? PAAS_PERF : placement === 'saas' ? SAAS_PERF : k.perf;
  const cpu = onPrem ? round2(card.cpu / perf.cpu + cpCpu) : 0;
  const ramGb = onPrem ? round2(card.ramGb + overheadRamGb) : 0;
  const diskGb = onPrem ? round2(card.diskGb + overheadDiskGb) : 0;

  let fits = blockers.length === 0;
  if (onPrem && fits) {
    const free = freeCapacity(ctx);
    const short: string[] = [];
    if (cpu > free.cpu + 1e-9) short.push(`CPU ${cpu}/${round2(free.cpu)}`);
    if (ramGb > free.ramGb + 1e-9) short.push(`RAM ${ramGb}/${round2(free.ramGb)} GB`);
    if (diskGb > free.diskGb + 1e-9) short.push(`disk ${diskGb}/${round2(free.diskGb)} GB`);
    if (short.length === 0 && kind === 'orchestrated-container') {
      const pods = podsOnHost(ctx.deployments, ctx.cards);
      const replicas = card.replicas ?? 1;
      if (pods + replicas > podLimit(ctx.spec)) {
        fits = false;
        blockers.push({
          topic: 'orchestration',
          ko: `Kubernetes는 노드 하나에 파드를 최대 110개까지 지원합니다. 이 호스트에는 이미 파드 ${pods}개가 있어 ${replicas}개를 더 올릴 자리가 없습니다.`,
          en:
            `Kubernetes supports at most 110 pods per node: this host already runs ${pods}, ` +
            `with no room for ${replicas} more.`,
          source: 'K8S',
        });
      }
    }
    if (short.length > 0) {
      fits = false;
      blockers.push({
        topic: 'virtualization',
        ko: `호스트에 남은 자원이 부족합니다 (필요/남음 ${short.join(', ')}). 게스트에 나눠 준 만큼 호스트에서 빠집니다.`,
        en:
          `Not enough free capacity on the host (needed/free: ${short.join(', ')}): ` +
          `what guests get is taken from the host.`,
      });
    }
  }

  // Start time, real seconds, and the row it comes from (GUESS: the game's estimate).
  let startS: number;
  let startSource: FactTag;
  if (placement === 'iaas') {
    startS =
      CLOUD_VM_START_S[card.guestOs] +
      (kind === 'container' || kind === 'sandboxed-container' ? k.startS + pullMb / PULL_MB_PER_S : 0);
    startSource = pullMb > 0 ? 'GUESS' : PLACEMENT_PARAMS.iaas.startSource;
  } else if (offService) {
    startS = PLACEMENT_PARAMS[placement].startS ?? 0;
    startSource = PLACEMENT_PARAMS[placement].startSource;
  } else if (kind === 'vm-full' || kind === 'vm-para') {
    startS = GUEST_OS[card.guestOs].startS;
    startSource = GUEST_OS[card.guestOs].startSource;
  } else if (kind === 'vm-type2') {
    startS = GUEST_OS[card.guestOs].startS * TYPE2_BOOT_FACTOR;
    startSource = 'GUESS';
  } else {
    // An image must be on the host before it runs: the missing layers are pulled (or built) first (rate: GUESS).
    startS = pullMb > 0 ? round2(k.startS + pullMb / PULL_MB_PER_S) : k.startS;
    startSource = pullMb > 0 ? 'GUESS' : k.startSource;
  }
  const meetsDeadline = startS <= card.startDeadlineS;

  // Running cost and operating effort.
  let costPerHour: number;
  if (placement === 'saas') costPerHour = COST.saasPerHour;
  else {
    const resources =
      (card.cpu / perf.cpu + cpCpu) * COST.perCoreHour +
      (card.ramGb + cpRamGb + (isFullVm(kind) || placement === 'iaas' ? GUEST_OS[card.guestOs].ramGb : 0)) *
        COST.perRamGbHour +
      card.diskGb * COST.perDiskGbHour;
    costPerHour = onPrem ? resources * COST.onPremFactor : resources * PLACEMENT_PARAMS[placement].priceFactor;
  }
  costPerHour = Math.round(costPerHour * 1000) / 1000;
  const opsHoursPerMonth = offService
    ? (PLACEMENT_PARAMS[placement].opsHoursPerMonth ?? 0)
    : k.opsHoursPerMonth + (bringsControlPlane ? ORCHESTRATION.controlPlaneOpsHours : 0);

  // Efficiency, 0..1 parts.
  const S = QUOTE_SCORING;
  const resourcePart = onPrem
    ? clamp01(S.ramShare * (card.ramGb / Math.max(ramGb, 1e-6)) + S.diskShare * (card.diskGb / Math.max(diskGb, 1e-6)))
    : 1;
  const dominant =
    card.profile === 'cpu'
      ? perf.cpu
      : card.profile === 'io'
        ? perf.randomIo
        : card.profile === 'syscall'
          ? perf.syscall
          : Math.sqrt(1 / perf.netLatency);
  const performancePart = clamp01(0.5 * perf.cpu + 0.5 * dominant);
  const startPart = meetsDeadline ? 1 : clamp01(card.startDeadlineS / startS);
  const bareCost = card.cpu * COST.perCoreHour + card.ramGb * COST.perRamGbHour + card.diskGb * COST.perDiskGbHour;
  const costPart = clamp01((bareCost * COST.onPremFactor) / Math.max(costPerHour, 1e-6));
  const opsPart = clamp01(1 - opsHoursPerMonth / S.opsHoursCeiling);
  const w = EFFICIENCY_WEIGHTS;
  const efficiency = Math.round(
    100 *
      (w.resources * resourcePart +
        w.performance * performancePart +
        w.start * startPart +
        w.cost * costPart +
        w.ops * opsPart),
  );

  // Isolation, 0..100, step by step (each step is shown to the player).
  const isoSteps: QuoteBreakdown['isolation'] = [];
  let isolation = onPrem ? k.boundary : PLACEMENT_PARAMS[placement].boundary;
  isoSteps.push({ part: 'boundary', delta: isolation });
  if (placement === 'iaas' && IMAGE_KINDS.includes(kind)) {
    const capped = Math.min(isolation, k.boundary + S.iaasContainerBoundaryBonus);
    if (capped !== isolation) isoSteps.push({ part: 'iaas-vm-cap', delta: capped - isolation });
    isolation = capped;
  }
  const sharesKernel = onPrem && k.sharesHostKernel;
  if (sharesKernel && card.trust === 'untrusted') {
    isolation -= S.untrustedSharedKernelPenalty;
    isoSteps.push({ part: 'untrusted-shared-kernel', delta: -S.untrustedSharedKernelPenalty });
    why.push({
      topic: 'container',
      ko:
        '신뢰할 수 없는 코드가 호스트 커널을 함께 씁니다. 커널 취약점이나 컨테이너 탈출(runc CVE-2019-5736, ' +
        'CVE-2024-21626) 하나가 같은 호스트의 모든 워크로드에 닿을 수 있습니다.',
      en:
        'Untrusted code shares the host kernel: one kernel exploit or container ' +
        'escape (runc CVE-2019-5736, CVE-2024-21626) can reach everything on the ' +
        'host.',
      source: 'CVE1',
    });
  }
  if (sharesKernel) {
    const mixed = ctx.deployments.some((d) => {
      const other = ctx.cards[d.cardId];
      return (
        d.choice.placement === 'on-prem' &&
        KIND_PARAMS[d.choice.kind].sharesHostKernel &&
        other !== undefined &&
        other.sensitivity !== card.sensitivity
      );
    });
    if (mixed) {
      isolation -= S.sensitivityMixPenalty;
      isoSteps.push({ part: 'mixed-sensitivity', delta: -S.sensitivityMixPenalty });
      why.push({
        topic: 'container',
        ko: '민감도가 다른 워크로드가 한 호스트 커널을 함께 씁니다. NIST SP 800-190은 이런 혼합을 피하라고 권고합니다.',
        en: 'Workloads of different sensitivity share one host kernel; NIST SP 800-190 advises against mixing them.',
        source: '190',
      });
    }
  }
  const noisy = onPrem ? Math.round(k.noisyExposure * S.noisyPenaltyScale) : 0;
  if (noisy !== 0) {
    isolation -= noisy;
    isoSteps.push({ part: 'noisy-neighbours', delta: -noisy });
  }
  isolation = Math.max(0, Math.min(100, Math.round(isolation)));

  // Risky cards weigh isolation more: that is the trade-off the game teaches.
  const risky = card.trust === 'untrusted' || card.sensitivity === 'confidential';
  const isoWeight = risky ? S.isolationWeightRisky : S.isolationWeightPlain;
  const points =
    blockers.length > 0
      ? 0
      : Math.round((RACE_POINTS.perCard * ((1 - isoWeight) * efficiency + isoWeight * isolation)) / 100);

  addTeachingLines(why, card, choice, { startS, startSource, meetsDeadline });
  addImageLines(why, card, choice, ctx.spec, { img, baseShared, bringsControlPlane }, why.length - 1);

  return {
    choice,
    allowed: ruleBlockers(card, ctx.spec, choice).length === 0,
    fits,
    blockers,
    cpu,
    ramGb,
    diskGb,
    overheadRamGb: round2(overheadRamGb),
    overheadDiskGb: round2(overheadDiskGb),
    startS,
    startGameMs: Math.round(startS * 1000 * GAME_TIME_SCALE),
    meetsDeadline,
    perf,
    costPerHour,
    opsHoursPerMonth,
    efficiency,
    isolation,
    points,
    why,
    breakdown: {
      efficiency: {
        resources: { score: Math.round(100 * resourcePart), weight: w.resources },
        performance: { score: Math.round(100 * performancePart), weight: w.performance },
        start: { score: Math.round(100 * startPart), weight: w.start },
        cost: { score: Math.round(100 * costPart), weight: w.cost },
        ops: { score: Math.round(100 * opsPart), weight: w.ops },
      },
      isolation: isoSteps,
      perCard: RACE_POINTS.perCard,
      isolationWeight: isoWeight,
    },
  };
}

function fmtS(s: number, lang: 'ko' | 'en'): string {
  if (s < 1) return `${Math.round(s * 1000)} ms`;
  if (s < 120) return lang === 'ko' ? `${Math.round(s * 10) / 10}초` : `${Math.round(s * 10) / 10} s`;
  const min = Math.round(s / 6) / 10;
  return lang === 'ko' ? `${min}분` : `${min} min`;
}

/** The "why" lines a quote teaches: the facts behind its numbers. */
function addTeachingLines(
  why: Why[],
  card: WorkloadCard,
  choice: DeployChoice,
  q: { startS: number; startSource: FactTag; meetsDeadline: boolean },
): void {
  const { kind, placement } = choice;
  if (placement === 'on-prem') {
    if (isFullVm(kind)) {
      // The sourced figure is the guest OS's own need; the quote's overhead (which may add a GUESS) is shown beside it.
      why.push(
        card.guestOs === 'windows'
          ? {
              topic: 'vm',
              ko: 'VM은 게스트 OS 전체를 싣습니다. Windows Server만 해도 RAM이 512 MB(Server Core)에서 2 GB(데스크톱 환경)까지 필요합니다.',
              en:
                'A VM carries a whole guest OS: Windows Server alone needs 512 MB ' +
                '(Server Core) to 2 GB (desktop experience) of RAM.',
              source: GUEST_OS.windows.source,
            }
          : {
              topic: 'vm',
              ko: 'VM은 게스트 OS 전체를 싣습니다. Ubuntu Server만 해도 RAM 약 2 GB가 있어야 무리 없이 돕니다.',
              en: 'A VM carries a whole guest OS: Ubuntu Server alone wants about 2 GB of RAM to run comfortably.',
              source: GUEST_OS.linux.source,
            },
      );
    } else if (kind === 'container' || kind === 'orchestrated-container') {
      why.push({
        topic: 'container',
        ko: '컨테이너는 호스트 커널을 공유해 런타임 부담이 몇 MB뿐이고 CPU·메모리 성능은 거의 네이티브입니다.',
        en:
          'A container shares the host kernel: a few MB of runtime overhead, and ' +
          'CPU and memory run at about native speed.',
        source: 'F',
      });
    } else if (kind === 'microvm') {
      why.push({
        topic: 'vm',
        ko: 'microVM(Firecracker)은 자기 커널을 가지면서도 VMM이 5 MiB 이하이고 125 ms 안에 시작합니다.',
        en: 'A microVM (Firecracker) has its own kernel yet a VMM of at most 5 MiB, and starts within 125 ms.',
        source: 'FCS',
      });
    } else if (kind === 'sandboxed-container') {
      why.push({
        topic: 'container',
        ko: '샌드박스 컨테이너(gVisor 방식)는 사용자 공간의 커널이 시스템 콜을 가로채 격리를 강화하지만, 그만큼 시스템 콜이 2.2-72배 느려집니다.',
        en:
          'A sandboxed container (gVisor-style) has a user-space kernel intercept ' +
          'its system calls for stronger isolation, at 2.2x-72x slower system ' +
          'calls.',
        source: 'G',
      });
    } else if (kind === 'traditional') {
      why.push({
        topic: 'traditional',
        ko: '전통적 배포에서는 한 OS에 여러 프로그램을 함께 설치하므로 서로 간섭하고, 한 프로그램이 자원을 독차지하면 나머지가 느려집니다.',
        en:
          'Traditional deployment: programs installed together on one OS ' +
          'interfere, and one that hogs resources slows the others.',
      });
    }
    if (kind === 'vm-para') {
      why.push({
        topic: 'para-virt',
        ko: '반가상화에서는 수정된 게스트 커널이 하이퍼콜로 하이퍼바이저에 직접 요청하므로, I/O가 많은 일에서 전가상화보다 빠릅니다 (Xen 웹 서비스는 네이티브의 1% 이내).',
        en:
          'Para-virtualization: the modified guest kernel calls the hypervisor ' +
          'directly, faster than full virtualization on I/O-heavy work (Xen web ' +
          'serving: within 1% of native).',
        source: 'X',
      });
    } else if (kind === 'vm-full') {
      why.push({
        topic: 'full-virt',
        ko: '전가상화에서는 수정하지 않은 게스트 OS가 그대로 돌지만, 무작위 I/O는 네이티브의 절반 정도입니다 (KVM 측정).',
        en:
          'Full virtualization: an unmodified guest OS runs as is, but random I/O ' +
          'is about half of native (KVM measurement).',
        source: 'F',
      });
    } else if (kind === 'vm-type2') {
      why.push({
        topic: 'hypervisor-type2',
        ko: 'Type 2(호스트형) 하이퍼바이저는 호스트 OS 위에서 돌아 대개 부담이 더 큽니다. 한 시험에서 VirtualBox는 CPU 벤치마크가 약 2배 느렸습니다.',
        en:
          'A Type 2 (hosted) hypervisor runs on top of a host OS, which usually ' +
          'costs more; in one test VirtualBox was about 2x slower on a CPU ' +
          'benchmark.',
        source: 'PH',
      });
    }
  } else if (placement === 'iaas') {
    why.push({
      topic: 'service-models',
      ko: 'IaaS에서는 제공자가 하드웨어를 운영하고, OS부터 그 위는 여전히 여러분이 관리합니다. 클라우드 VM 시작 시간은 리눅스 약 97초, 윈도우 약 810초로 측정되었습니다.',
      en:
        'IaaS: the provider runs the hardware; you still manage the OS and up. ' +
        'Cloud VM start was measured at about 97 s for Linux, 810 s for Windows.',
      source: 'MH',
    });
  } else if (placement === 'paas') {
    why.push({
      topic: 'service-models',
      ko: 'PaaS에서는 앱만 올리면 제공자가 OS·런타임·패치를 맡습니다. 운영 부담은 적지만 값이 더 들고 플랫폼에 묶입니다.',
      en:
        'PaaS: push the app and the provider runs OS, runtime and patches: less ' +
        'effort, a price premium and platform lock-in.',
      source: 'NIST',
    });
  } else {
    why.push({
      topic: 'service-models',
      ko: 'SaaS에서는 제공자의 애플리케이션을 그대로 씁니다. 그래도 데이터·설정·계정은 고객의 책임입니다.',
      en:
        'SaaS: you use the provider’s application; your data, configuration and ' +
        'identities are still yours to manage.',
      source: 'MS',
    });
  }
  // The start time's own row (GUESS where the game estimated it); the card's requirement is the card's, not a source's.
  why.push(
    q.meetsDeadline
      ? {
          topic: 'choosing',
          ko: `시작에 ${fmtS(q.startS, 'ko')} 걸려 요구 시간 ${fmtS(card.startDeadlineS, 'ko')} 안에 들어옵니다.`,
          en: `Start time ${fmtS(q.startS, 'en')}: within the required ${fmtS(card.startDeadlineS, 'en')}.`,
          source: q.startSource,
        }
      : {
          topic: 'choosing',
          ko: `시작에 ${fmtS(q.startS, 'ko')} 걸려 요구 시간 ${fmtS(card.startDeadlineS, 'ko')}보다 늦습니다.`,
          en: `Start time ${fmtS(q.startS, 'en')}: slower than the required ${fmtS(card.startDeadlineS, 'en')}.`,
          source: q.startSource,
        },
  );
}

/**
 * Docker images and orchestration (notes 003, 004): what the image costs given the layers already on the host, and
 * what the orchestrator brings. Inserted before the start line (`at`), which the pull or build lengthens.
 */
function addImageLines(
  why: Why[],
  card: WorkloadCard,
  choice: DeployChoice,
  spec: HostSpec,
  o: { img: WorkloadCard['image']; baseShared: boolean; bringsControlPlane: boolean },
  at: number,
): void {
  const lines: Why[] = [];
  const { img } = o;
  if (img && choice.placement === 'on-prem' && choice.kind === 'microvm') {
    lines.push({
      topic: 'vm',
      ko: '이 게임에서 microVM은 이미지로 만든 자기만의 루트 파일 시스템으로 부팅합니다. 통째로 받아 와야 하고, 호스트의 컨테이너들과 레이어를 함께 쓰지 않습니다.',
      en:
        'In this game a microVM boots a root filesystem of its own made from the ' +
        'image: it is fetched whole and shares no layers with the containers on ' +
        'the host.',
    });
  } else if (img && choice.placement === 'on-prem') {
    lines.push(
      o.baseShared
        ? {
            topic: 'docker',
            ko:
              `${img.base} 베이스 이미지의 레이어가 이미 호스트에 있어 다시 받지 않습니다. 같은 베이스로 만든 이미지들은 그 레이어를 ` +
              `한 번만 저장하므로, 이 컨테이너는 자기 레이어만 더합니다.`,
            en:
              `The ${img.base} base image’s layers are already on the host, so none of ` +
              `it is pulled again: images built on one base store its layers once, and ` +
              `this container adds only its own.`,
            source: 'DL',
          }
        : {
            topic: 'docker',
            ko:
              `${img.base} 베이스 이미지(${BASE_IMAGE_MB[img.base]} MB)가 아직 이 호스트에 없습니다. 컨테이너를 ` +
              `띄우기 전에 이미지의 다른 레이어와 함께 받아 와야 합니다.`,
            en:
              `The ${img.base} base image (${BASE_IMAGE_MB[img.base]} MB) is not on this ` +
              `host yet: it has to be pulled, with the image’s other layers, before the ` +
              `container can start.`,
            source: 'AL',
          },
    );
  }
  if (img && img.ownMb > 0 && choice.placement !== 'paas' && choice.placement !== 'saas') {
    lines.push({
      topic: 'docker',
      ko:
        `Dockerfile로 빌드한 이 워크로드의 자기 레이어(${img.ownMb} MB)는 실행하기 전에 호스트에 있어야 합니다. ` +
        `레이어를 받는 속도(초당 ${PULL_MB_PER_S} MB)는 게임이 정한 추정치입니다.`,
      en:
        `This workload’s own layers (${img.ownMb} MB, built from its Dockerfile) ` +
        `must be on the host before it runs; the ${PULL_MB_PER_S} MB/s they arrive ` +
        `at is the game’s estimate.`,
      source: 'GUESS',
    });
  }
  if (choice.kind === 'orchestrated-container' && choice.placement === 'on-prem') {
    lines.push(
      o.bringsControlPlane
        ? {
            topic: 'orchestration',
            ko:
              '오케스트레이터(Kubernetes)는 컨테이너를 배치하고, 부하가 늘면 복제본을 늘리고, 노드가 고장 나면 다른 노드에서 다시 ' +
              '띄웁니다. 다만 처음 올리는 워크로드가 컨트롤 플레인 몫까지 치릅니다. 컨트롤 플레인에는 CPU 2개와 RAM 2 GB 이상이 ' +
              '필요합니다.',
            en:
              'An orchestrator (Kubernetes) places the containers, adds replicas when ' +
              'load rises and restarts them on another node when one fails. The first ' +
              'workload pays for the control plane, which needs 2 CPUs or more and 2 ' +
              'GB of RAM or more.',
            source: 'KA',
          }
        : {
            topic: 'orchestration',
            ko: '컨트롤 플레인은 이미 이 호스트에서 돌고 있어, 이 워크로드는 파드만 더합니다 (노드당 최대 110개).',
            en:
              'The control plane already runs on this host pool: this workload only ' +
              'adds its pods (at most 110 per node).',
            source: 'K8S',
          },
    );
    if ((spec.nodes ?? 1) < 2)
      lines.push({
        topic: 'orchestration',
        ko: '노드가 하나뿐이라 그 노드가 고장 나면 파드를 옮길 곳이 없습니다. 오케스트레이터가 다른 노드에서 다시 띄워 주는 것은 노드가 둘 이상일 때의 이야기입니다.',
        en:
          'With a single node there is nowhere to move the pods when it fails: ' +
          'restarting them elsewhere needs two nodes or more.',
      });
  }
  void card;
  why.splice(at, 0, ...lines);
}

/** The host a player deploys to, as a quoting context. */
export function hostContext(state: GameState, hostId: string): HostContext | null {
  const hosts = state.race?.hosts;
  const host = hosts && Object.hasOwn(hosts, hostId) ? hosts[hostId] : undefined;
  if (!host) return null;
  return { spec: host.spec, deployments: host.deployments, cards: cardIndex(state) };
}

const cardIndexCache = new WeakMap<object, Record<string, WorkloadCard>>();
export function cardIndex(state: GameState): Record<string, WorkloadCard> {
  const content = state.config.content;
  let index = cardIndexCache.get(content);
  if (!index) {
    // No prototype: an id such as '__proto__' or 'toString' finds nothing, never Object.prototype's members.
    index = Object.assign(
      Object.create(null) as Record<string, WorkloadCard>,
      Object.fromEntries(content.cards.map((c) => [c.id, c])),
    );
    cardIndexCache.set(content, index);
  }
  return index;
}

/** Quote a choice for a card on one of the game's race hosts. Returns null for an unknown host or card. */
export function quoteDeployment(state: GameState, hostId: string, cardId: string, choice: DeployChoice): Quote | null {
  const ctx = hostContext(state, hostId);
  const card = cardIndex(state)[cardId];
  if (!ctx || !card) return null;
  return quoteOnHost(ctx, card, choice);
}
