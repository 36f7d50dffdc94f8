// The parameter table: every number the provisioning simulation uses, in one place.
// Each constant cites its row of the project's sources table by tag ([F], [X], ...: ./facts.ts, docs/FACTS.md) or
// says GUESS (the game's own estimate: no published figure). A "why" line may cite a tag only for a number that
// row gives (facts.test.ts). Ratios are relative to bare metal = 1.00.
import type { BaseImage, DeployKind, FactTag, GuestOs, PerfFactors, Placement } from '../types.js';

interface KindParams {
  perf: PerfFactors;
  perfSource: FactTag[];
  /** Runtime / VMM memory beside the app, GB (a full VM adds its guest OS on top, see GUEST_OS). */
  runtimeRamGb: number;
  /** Image or root filesystem beside the app's own data, GB (full VMs: see GUEST_OS). */
  imageDiskGb: number;
  /** Start time in real seconds on-premise (full VMs: see GUEST_OS). */
  startS: number;
  /** The row `startS` comes from, or GUESS. */
  startSource: FactTag;
  /** Operating effort, hours per month per deployment. GUESS throughout: no published figure. */
  opsHoursPerMonth: number;
  /** Strength of the isolation boundary, 0..100 (ordering from facts 1-3 and 8; the values are GUESS). */
  boundary: number;
  /** Share of a noisy neighbour's disturbance that reaches this deployment, 0..1 (fact 8; GUESS except where cited). */
  noisyExposure: number;
  /** Shares the host kernel with its neighbours (fact 1). */
  sharesHostKernel: boolean;
  /** Has its own guest OS to patch (patch day). */
  ownGuestOs: boolean;
}

/** A microVM's minimal guest kernel on disk, GB. GUESS: about 20 MB. */
export const MICROVM_KERNEL_GB = 0.02;

export const KIND_PARAMS: Record<DeployKind, KindParams> = {
  traditional: {
    // Programs installed straight on the host OS run at native speed: bare metal, the 1.00 every ratio of [F] is
    // measured against. Nothing runs beside them (no runtime, no image): 0.
    perf: { cpu: 1, randomIo: 1, netLatency: 1, syscall: 1 },
    perfSource: ['F'],
    runtimeRamGb: 0,
    imageDiskGb: 0,
    startS: 1800, // GUESS: installing and configuring software by hand on a shared server takes "minutes to hours"
    startSource: 'GUESS',
    opsHoursPerMonth: 6, // GUESS: manual installs, dependency conflicts between co-installed programs
    boundary: 5, // GUESS: no boundary between programs on one OS (fact 8: "not at all")
    noisyExposure: 1, // [X]: the same antisocial load on a shared native host made it unusable
    sharesHostKernel: true,
    ownGuestOs: false,
  },
  container: {
    perf: { cpu: 1.0, randomIo: 1.0, netLatency: 2.0, syscall: 1.0 }, // [F]: CPU/IO native; Docker NAT about 2x latency
    perfSource: ['F'],
    runtimeRamGb: 0.003, // [SO]: about 3 MB shim per container
    imageDiskGb: 0.114, // [AL]: debian image 114 MB (alpine 5.6 MB, ubuntu 64 MB)
    startS: 0.9, // [DS]: `docker run` about 0.6-1.2 s
    startSource: 'DS',
    opsHoursPerMonth: 1.5, // GUESS: patch the host once, rebuild the images whose libraries were patched
    boundary: 40, // GUESS value; ordering from fact 1 (shared kernel) and 8
    noisyExposure: 0.3, // GUESS between native (1.0) and hypervisor (0.03), fact 8
    sharesHostKernel: true,
    ownGuestOs: false,
  },
  // The sandboxed container is modelled on gVisor: a user-space application kernel between the container and the
  // host kernel ([GV]), no hypervisor and no guest OS. (Kata Containers, a container in a lightweight VM, is a
  // different design with other costs: it is not this kind; its 0.9 s start [K] is not used here.)
  'sandboxed-container': {
    // [G]: system calls 2.2x-72x slower (syscall 0.15, about 1/6.7, inside that range); "pure compute barely
    // affected" (cpu 0.98: the figure is GUESS). randomIo 0.4 and netLatency 2.5: GUESS ([G] found file open/close
    // very slow but gives no random-I/O or latency ratio).
    perf: { cpu: 0.98, randomIo: 0.4, netLatency: 2.5, syscall: 0.15 },
    perfSource: ['G'],
    runtimeRamGb: 0.05, // GUESS: the user-space kernel (gVisor's Sentry) beside each sandbox
    imageDiskGb: 0.114, // [AL]: same images as plain containers
    startS: 0.9, // GUESS: about a `docker run` ([DS] 0.6-1.2 s) plus the sandbox's own start; no gVisor figure
    startSource: 'GUESS',
    opsHoursPerMonth: 2, // GUESS
    boundary: 75, // GUESS value; the sandbox's own kernel interface cuts the shared-kernel surface ([GV])
    noisyExposure: 0.2, // GUESS: no hypervisor, but the host kernel no longer runs its system calls
    sharesHostKernel: false,
    ownGuestOs: false,
  },
  microvm: {
    // [FCS]: Firecracker CPU > 0.95 of native (0.96). netLatency 2.6: GUESS, the +0.06 ms [FCS] against a native
    // round trip of a few tens of microseconds (the ratio is ours). randomIo 0.7: GUESS between KVM (0.5 [F]) and
    // native.
    perf: { cpu: 0.96, randomIo: 0.7, netLatency: 2.6, syscall: 1.0 },
    perfSource: ['FCS'],
    // [FCS]: the VMM's own overhead is at most 5 MiB, "a few MB" (fact 9). The minimal guest kernel runs inside the
    // guest memory the workload asks for (the card's RAM): a simplification, GUESS.
    runtimeRamGb: 0.005,
    imageDiskGb: 0.114 + MICROVM_KERNEL_GB, // [AL] rootfs like a container image; GUESS 20 MB guest kernel
    startS: 0.125, // [FCS]: <= 125 ms to init (fact 11: faster than `docker run`)
    startSource: 'FCS',
    opsHoursPerMonth: 2, // GUESS
    boundary: 85, // fact 3: 5 emulated devices, ~50k lines of Rust vs QEMU's 1.4M [FC]; value GUESS
    noisyExposure: 0.03, // [X]: under a hypervisor an antisocial neighbour cost the others 2-4%
    sharesHostKernel: false,
    ownGuestOs: true,
  },
  // Containers under an orchestrator (Kubernetes): the same containers on the same kernel ([F] for their speed), plus
  // a control plane (ORCHESTRATION) that schedules, scales and restarts them.
  'orchestrated-container': {
    // [F] as a container; the pod network's latency: GUESS, as Docker NAT
    perf: { cpu: 1.0, randomIo: 1.0, netLatency: 2.0, syscall: 1.0 },
    perfSource: ['F'],
    runtimeRamGb: 0.003, // [SO]: about 3 MB shim per container
    imageDiskGb: 0.114, // [AL]: debian image 114 MB, as a plain container
    startS: 0.9, // [DS]: `docker run` about 0.6-1.2 s; scheduling a pod adds little (GUESS: not measured here)
    startSource: 'DS',
    opsHoursPerMonth: 1.5, // GUESS: as a container (the control plane's own effort: ORCHESTRATION)
    boundary: 40, // GUESS: as a container, one kernel (fact 1)
    noisyExposure: 0.3, // GUESS: as a container (cgroup quotas on one kernel)
    sharesHostKernel: true,
    ownGuestOs: false,
  },
  'vm-full': {
    // [F]: KVM untuned CPU 0.83 (241 vs 291 GFLOPS), random I/O 0.5, latency +80%.
    perf: { cpu: 0.83, randomIo: 0.5, netLatency: 1.8, syscall: 1.0 },
    perfSource: ['F'],
    runtimeRamGb: 0, // the guest OS's RAM, see GUEST_OS ([UB], [WS])
    imageDiskGb: 0, // the guest OS's disk, see GUEST_OS ([UB], [WS])
    startS: 8, // [DP]: stock Linux VM on KVM 7-9 s (the guest OS decides: see GUEST_OS)
    startSource: 'DP',
    opsHoursPerMonth: 4, // GUESS: each guest OS patched and monitored on its own
    boundary: 80, // fact 2: VMs are not immune (VENOM, [VEN]); value GUESS
    noisyExposure: 0.03, // [X]: 2-4%
    sharesHostKernel: false,
    ownGuestOs: true,
  },
  'vm-para': {
    // [X]: Xen PV kernel build +3% time (cpu 0.97), web serving within 1% of native; fact 6.
    perf: { cpu: 0.97, randomIo: 0.95, netLatency: 1.3, syscall: 1.0 }, // randomIo, netLatency: GUESS, near native
    perfSource: ['X'],
    runtimeRamGb: 0,
    imageDiskGb: 0,
    startS: 8, // [DP]: same boot as a stock Linux VM (the guest OS decides: see GUEST_OS)
    startSource: 'DP',
    opsHoursPerMonth: 4.5, // GUESS: plus keeping the modified guest kernel in step with the hypervisor
    boundary: 80, // GUESS, as vm-full
    noisyExposure: 0.03, // [X]
    sharesHostKernel: false,
    ownGuestOs: true,
  },
  'vm-type2': {
    // cpu 0.5 [PH]: VirtualBox about 2x slower on one CPU test (one hosted hypervisor, one test).
    // randomIo 0.33: GUESS. [X] measured a hosted VMM (VMware Workstation) serving under 1/3 of native SPECweb99
    // clients: a web benchmark, not random I/O. netLatency 2.5: GUESS.
    perf: { cpu: 0.5, randomIo: 0.33, netLatency: 2.5, syscall: 1.0 },
    perfSource: ['PH'],
    runtimeRamGb: 0.1, // GUESS: the hosted hypervisor's own process
    imageDiskGb: 0,
    startS: 12, // GUESS: a stock VM boot ([DP] 7-9 s) on top of a desktop OS
    startSource: 'GUESS',
    opsHoursPerMonth: 5, // GUESS: guest OS plus the host OS under it
    boundary: 75, // GUESS: a VM boundary, but the host OS under it is a larger attack surface
    noisyExposure: 0.1, // GUESS: the host OS's own programs compete with the hypervisor
    sharesHostKernel: false,
    ownGuestOs: true,
  },
};

/** What a full guest OS costs inside a VM. `source`: the row of RAM and disk; `startSource`: the row of startS. */
export const GUEST_OS: Record<
  GuestOs,
  { ramGb: number; diskGb: number; startS: number; source: FactTag; startSource: FactTag }
> = {
  // [UB]: Ubuntu Server about 2 GB RAM to be comfortable, >= 5 GB disk; [DP]: stock Linux VM 7-9 s.
  linux: { ramGb: 2, diskGb: 5, startS: 8, source: 'UB', startSource: 'DP' },
  // [WS]: 512 MB (Server Core minimum) to 2 GB with desktop; 32 GB minimum partition.
  // Boot: GUESS 45 s on-premise (no source measured a Windows VM's boot on premises; [MH] measured 810 s in the cloud).
  windows: { ramGb: 2, diskGb: 32, startS: 45, source: 'WS', startSource: 'GUESS' },
};

/**
 * Base image sizes, MB ([AL]): alpine 5.6, ubuntu 64, debian 114. Stored once per host, shared by every image on it.
 */
export const BASE_IMAGE_MB: Record<BaseImage, number> = { alpine: 5.6, ubuntu: 64, debian: 114 };

/**
 * How fast missing image layers arrive (a pull from a registry, or a build's output), MB per real second. GUESS: no
 * source measured it; a layer already on the host costs nothing ([DL]: a pull fetches only the missing layers).
 */
export const PULL_MB_PER_S = 25;

/** Images built on a base: the kinds that run container images (a microVM boots a root filesystem, not layers). */
export const IMAGE_KINDS: readonly DeployKind[] = ['container', 'sandboxed-container', 'orchestrated-container'];

/** The orchestrator (Kubernetes) on the on-premise host pool. */
export const ORCHESTRATION = {
  /** [KA]: 2 CPUs or more for a control-plane machine, 2 GB or more of RAM: paid once per host pool. */
  controlPlaneCpu: 2,
  controlPlaneRamGb: 2, // [KA]
  /** GUESS: upgrading and watching the control plane, hours per month, once per host pool. */
  controlPlaneOpsHours: 4,
  /** [K8S]: at most 110 pods per node. */
  podsPerNode: 110,
};

/** Start in the cloud ([MH], 2012): Linux about 97 s, Windows about 810 s. */
export const CLOUD_VM_START_S: Record<GuestOs, number> = { linux: 97, windows: 810 };

/**
 * Off-premise service models (who manages what: [NIST]). Every number here is GUESS: price factors and efforts
 * ("service models trade operating effort for a price premium", the facts table's cost row), start times and the
 * isolation boundary (a provider's VM per tenant on IaaS, the provider's multi-tenant platform on PaaS and SaaS).
 */
export const PLACEMENT_PARAMS: Record<
  Exclude<Placement, 'on-prem'>,
  {
    priceFactor: number;
    opsHoursPerMonth: number | null;
    startS: number | null;
    /** The row `startS` comes from, or GUESS. */
    startSource: FactTag;
    boundary: number;
  }
> = {
  // IaaS: the customer still runs the OS ([NIST]); effort as the kind's own; start from [MH] (CLOUD_VM_START_S).
  // boundary 80: GUESS, as a VM of one's own (vm-full).
  iaas: { priceFactor: 1.0, opsHoursPerMonth: null, startS: null, startSource: 'MH', boundary: 80 },
  // PaaS: push the app, the provider runs OS and runtime ([NIST]). startS 60: GUESS for a build and deploy.
  // boundary 65: GUESS, the provider's containers among other tenants' (between a container and a VM).
  paas: { priceFactor: 1.5, opsHoursPerMonth: 1, startS: 60, startSource: 'GUESS', boundary: 65 },
  // SaaS: use the provider's application ([NIST]). startS 30: GUESS to sign up and set up.
  // boundary 70: GUESS, the provider's own application separates tenants.
  saas: { priceFactor: 2.0, opsHoursPerMonth: 0.2, startS: 30, startSource: 'GUESS', boundary: 70 },
};

/** Cost units per hour. GUESS: derived from reserved RAM and CPU (docs/FACTS.md, "The game's estimates"). */
export const COST = {
  perCoreHour: 0.04,
  perRamGbHour: 0.005,
  perDiskGbHour: 0.0001,
  /** On-premise: capital already spent; the share of the host's running cost (power, space) is lower. GUESS. */
  onPremFactor: 0.6,
  /** SaaS: a per-seat price instead of resources, per card. GUESS. */
  saasPerHour: 0.3,
};

/** Game time: real start seconds are compressed so a 810 s cloud Windows boot still fits a 3-minute race. GUESS. */
export const GAME_TIME_SCALE = 0.05;

/**
 * Downtime after a race event, in real minutes (the bill's figure; the race scales it by GAME_TIME_SCALE to decide
 * when a deployment is back). GUESS, except podReschedule: no source gives a repair time; the facts table's start
 * row says only "bare-metal server provisioning: minutes to hours (GUESS)".
 */
export const DOWNTIME_MIN = {
  /** The host's hardware failed: replace the part (or move to a spare server), restore, restart. 60 min of real
   * time is 180 s of game time: a failure usually lasts the rest of the race. */
  hardwareFailure: 60,
  /** Patch day: the host OS is patched and rebooted, which stops everything running on that host. */
  patchReboot: 15,
  /** An orchestrated container on the failed node: evicted after 5 min by default, then restarted on another node. */
  podReschedule: 5, // [K8T]: pods stay bound to an unreachable node for 300 s (5 min) by default
};

/** Points. GUESS: chosen so one card is worth about half a quiz question. */
export const RACE_POINTS = {
  perCard: 500,
  efficiencyWeight: 0.5,
  isolationWeight: 0.5,
  /** Scale of event deltas. */
  cvePenalty: 200,
  /** GUESS, a game rule (not a measured "damage"): an untrusted tenant on the shared kernel doubles the CVE's cost. */
  cveUntrustedMultiplier: 2,
  spikeReward: 120,
  /** A plain container scaled out by hand (nobody's autoscaler): less than an orchestrator's automatic scale-out. */
  spikeManualReward: 60,
  spikePenalty: 120,
  noisyPenaltyMax: 200,
  hardwareFailurePenalty: 150,
  /** An orchestrated container restarted on another node after its node failed: minutes down, not hours. */
  rescheduledPenalty: 40,
  cloudSurvivalReward: 40,
  patchPerGuestOs: 40,
  patchPerHostKernel: 20,
  /** Patch day: every image whose libraries were patched is rebuilt and redeployed. */
  patchPerImage: 10,
  sensitivityMixPenalty: 120,
  untrustedSharePenalty: 150,
  missedCardPenalty: 0,
};

/**
 * Off-premise performance: PaaS runs apps in the provider's containers ([F]: native CPU and I/O, NAT latency about 2x).
 */
export const PAAS_PERF: PerfFactors = { cpu: 1, randomIo: 1, netLatency: 2, syscall: 1 };
/**
 * SaaS: GUESS, all 1: the provider's application runs however the provider runs it; the customer sees no overhead of
 * its own.
 */
export const SAAS_PERF: PerfFactors = { cpu: 1, randomIo: 1, netLatency: 1, syscall: 1 };

/**
 * GUESS: a hosted (Type 2) hypervisor boots its guest slower than a Type 1 ([DP] 7-9 s) because a desktop OS runs
 * beside it.
 */
export const TYPE2_BOOT_FACTOR = 1.5;

/** Scoring shape of a quote. All GUESS: game-design weights, not measurements. */
export const QUOTE_SCORING = {
  /** Resource efficiency: how much of the RAM and disk taken is the workload's own. */
  ramShare: 0.7,
  diskShare: 0.3,
  /** Operating effort at which the ops part of efficiency reaches zero, hours per month. */
  opsHoursCeiling: 8,
  /** Containers on an IaaS VM: that VM's boundary caps the blast radius at the container's plus this. */
  iaasContainerBoundaryBonus: 20,
  /** Isolation lost by untrusted code on a shared host kernel (fact 1), and by mixing sensitivities on it (fact 12). */
  untrustedSharedKernelPenalty: 30,
  sensitivityMixPenalty: 20,
  /** Isolation lost per unit of noisy-neighbour exposure (fact 8). */
  noisyPenaltyScale: 20,
  /** Isolation's weight in a card's points: risky (untrusted or confidential) workloads weigh it more. */
  isolationWeightRisky: 0.7,
  isolationWeightPlain: 0.3,
};

/** Efficiency's parts and their weights (sum 1). GUESS. */
export const EFFICIENCY_WEIGHTS = { resources: 0.3, performance: 0.25, start: 0.2, cost: 0.1, ops: 0.15 };
