// The project's sources table as data: every published figure the race engine uses, by the short tag a "why" line
// and a constant in params.ts cite. docs/FACTS.md is the same table for people (with the constants that use each
// row). A "why" may cite a tag only for a number that row gives (facts.test.ts checks it); a number the game
// chose itself is tagged GUESS, and the client shows it as the game's estimate.
import type { FactTag } from '../types.js';

/** A figure a source gives: one value or a range, in a unit (`x`: a ratio or factor; `''`: a plain count). */
export interface FactNumber {
  min: number;
  max?: number;
  unit: FactUnit;
}
export type FactUnit = 's' | 'min' | 'MB' | 'GB' | '%' | 'x' | 'us' | 'Gbps' | 'GFLOPS' | '';

export interface Fact {
  id: FactTag;
  /** What the source says, in the words a student reads (both languages). */
  claim: { en: string; ko: string };
  /** Every number the claim states, so a "why" citing this row can be checked against it. */
  numbers: FactNumber[];
  /** The source itself: authors, title, venue. */
  ref: string;
  /** Where to read it, when a stable address is known. */
  url?: string;
}

const n = (min: number, unit: FactUnit, max?: number): FactNumber =>
  max === undefined ? { min, unit } : { min, max, unit };

export const FACTS: readonly Fact[] = [
  {
    id: 'F',
    claim: {
      en:
        'Containers run CPU and memory work at about native speed. An untuned ' +
        'KVM VM reached 0.83 of native CPU (Linpack 241 vs 291 GFLOPS: 17% ' +
        'slower), 0.98 when tuned (2% slower); memory 0.97-0.99. Random block ' +
        'I/O in KVM was about half of native (0.5). Docker NAT about doubled ' +
        'network latency (2x); KVM added about 30 us (+80%). MySQL in KVM lost ' +
        'over 40%. Native, Docker and KVM all reached 9.3 Gbps on 10 GbE.',
      ko:
        '컨테이너는 CPU와 메모리 작업에서 거의 네이티브 속도를 냅니다. 튜닝하지 않은 KVM VM은 CPU가 네이티브의 ' +
        '0.83(Linpack 241 대 291 GFLOPS, 17% 느림), 튜닝하면 0.98(2% 느림)이었고 메모리는 ' +
        '0.97-0.99였습니다. KVM의 무작위 블록 I/O는 네이티브의 절반(0.5) 정도였습니다. Docker NAT는 네트워크 ' +
        '지연을 약 2배로 늘렸고, KVM은 약 30 us(+80%)를 더했습니다. KVM 안의 MySQL은 40% 넘게 느려졌습니다. ' +
        '네이티브, Docker, KVM 모두 10 GbE에서 9.3 Gbps에 도달했습니다.',
    },
    numbers: [
      n(0.83, 'x'),
      n(241, 'GFLOPS'),
      n(291, 'GFLOPS'),
      n(0.98, 'x'),
      n(0.97, 'x', 0.99),
      n(0.5, 'x'),
      n(2, 'x'),
      n(30, 'us'),
      n(80, '%'),
      n(17, '%'),
      n(2, '%'),
      n(40, '%'),
      n(9.3, 'Gbps'),
      n(10, ''),
    ],
    ref:
      'W. Felter, A. Ferreira, R. Rajamony, J. Rubio, "An Updated Performance ' +
      'Comparison of Virtual Machines and Linux Containers", IBM Research ' +
      'Report RC25482 / ISPASS 2015',
  },
  {
    id: 'FC',
    claim: {
      en:
        'Firecracker emulates 5 devices in about 50k lines of Rust, against ' +
        'QEMU’s 1.4 million lines: a much smaller attack surface.',
      ko: 'Firecracker는 장치 5개만 에뮬레이션하고 코드가 Rust 약 5만 줄입니다. QEMU는 140만 줄이어서 공격 표면이 훨씬 넓습니다.',
    },
    numbers: [n(5, ''), n(50, ''), n(1.4, ''), n(140, '')],
    ref: 'A. Agache et al., "Firecracker: Lightweight Virtualization for Serverless Applications", NSDI 2020',
    url: 'https://www.usenix.org/conference/nsdi20/presentation/agache',
  },
  {
    id: 'FCS',
    claim: {
      en:
        'A Firecracker microVM’s VMM takes at most 5 MiB of memory and the ' +
        'microVM initialises within 125 ms; guest CPU above 0.95 of native; ' +
        'about 0.06 ms added network latency; up to 150 microVMs per second per ' +
        'host.',
      ko:
        'Firecracker microVM의 VMM은 메모리를 5 MiB 이하로 쓰고, microVM은 125 ms 안에 초기화됩니다. ' +
        '게스트 CPU는 네이티브의 0.95 이상이고, 네트워크 지연은 약 0.06 ms 늘어납니다. 호스트 한 대에서 초당 최대 ' +
        '150개를 만들 수 있습니다.',
    },
    numbers: [n(5, 'MB'), n(0.125, 's'), n(0.95, 'x'), n(0.00006, 's'), n(150, '')],
    ref: 'Firecracker, SPECIFICATION.md and docs/design.md',
    url: 'https://github.com/firecracker-microvm/firecracker/blob/main/SPECIFICATION.md',
  },
  {
    id: 'X',
    claim: {
      en:
        'Xen with para-virtualized guests: a kernel build took about 3% longer ' +
        'than native, web serving (SPECweb99) stayed within 1% of native, where ' +
        'a hosted hypervisor (VMware Workstation) served under 1/3 as many ' +
        'clients. An antisocial neighbour VM cut the others’ throughput by only ' +
        '2-4%; the same load on a shared native host made it unusable. Xen ' +
        'targeted about 100 VMs per server.',
      ko:
        '반가상화 게스트를 쓴 Xen에서 커널 빌드는 네이티브보다 약 3% 더 걸렸고, 웹 서비스(SPECweb99)는 네이티브의 1% ' +
        '이내였습니다. 같은 시험에서 호스트형 하이퍼바이저(VMware Workstation)는 네이티브의 1/3도 안 되는 클라이언트만 ' +
        '처리했습니다. 자원을 독차지하는 이웃 VM은 다른 VM의 처리량을 2-4%만 떨어뜨렸지만, 같은 부하를 가상화 없는 호스트에 ' +
        '함께 올리자 쓸 수 없을 만큼 느려졌습니다. Xen은 서버 한 대에 VM 약 100개를 목표로 했습니다.',
    },
    numbers: [n(3, '%'), n(1, '%'), n(2, '%', 4), n(100, '')],
    ref: 'P. Barham et al., "Xen and the Art of Virtualization", SOSP 2003',
    url: 'https://doi.org/10.1145/945445.945462',
  },
  {
    id: 'G',
    claim: {
      en:
        'In gVisor, system calls were 2.2x to 72x slower than native, opening ' +
        'and closing files very slow, while pure computation was barely affected.',
      ko: 'gVisor에서 시스템 콜은 네이티브보다 2.2-72배 느렸고 파일 열기·닫기가 매우 느렸지만, 순수 계산은 거의 영향을 받지 않았습니다.',
    },
    numbers: [n(2.2, 'x', 72)],
    ref: 'E. G. Young et al., "The True Cost of Containing: A gVisor Case Study", HotCloud 2019',
    url: 'https://www.usenix.org/conference/hotcloud19/presentation/young',
  },
  {
    id: 'GV',
    claim: {
      en:
        'gVisor is an application kernel in user space: it implements the Linux ' +
        'system-call interface itself, so a sandboxed container does not talk to ' +
        'the host kernel directly. It runs on Linux.',
      ko:
        'gVisor는 사용자 공간에서 도는 애플리케이션 커널입니다. 리눅스 시스템 콜 인터페이스를 직접 구현하므로, 샌드박스 안의 ' +
        '컨테이너는 호스트 커널과 바로 통신하지 않습니다. 리눅스에서 동작합니다.',
    },
    numbers: [],
    ref: 'gVisor README',
    url: 'https://github.com/google/gvisor',
  },
  {
    id: 'K',
    claim: {
      en:
        'A Kata Containers sandbox (a container inside a lightweight VM) started ' +
        'in about 0.9 s in the Kuasar benchmark.',
      ko: 'Kuasar 벤치마크에서 Kata Containers 샌드박스(경량 VM 안의 컨테이너)는 약 0.9초 만에 시작했습니다.',
    },
    numbers: [n(0.9, 's')],
    ref: 'Kuasar, tests/benchmark/Benchmark.md (Kata Containers)',
    url: 'https://github.com/kuasar-io/kuasar/blob/main/tests/benchmark/Benchmark.md',
  },
  {
    id: 'DS',
    claim: {
      en: 'Creating a container’s namespaces takes 8-10 ms; a whole `docker run` takes about 0.6-1.2 s.',
      ko: '컨테이너의 네임스페이스를 만드는 데 8-10 ms, `docker run` 전체는 약 0.6-1.2초가 걸립니다.',
    },
    numbers: [n(0.008, 's', 0.01), n(0.6, 's', 1.2)],
    ref: '"Decomposing Docker Container Startup Performance", arXiv 2602.15214',
    url: 'https://arxiv.org/abs/2602.15214',
  },
  {
    id: 'DP',
    claim: {
      en: 'A stock Linux VM on KVM boots in about 7-9 s.',
      ko: 'KVM 위의 기본 리눅스 VM은 부팅에 약 7-9초가 걸립니다.',
    },
    numbers: [n(7, 's', 9)],
    ref: 'Depot engineering blog, microVM boot times',
  },
  {
    id: 'MH',
    claim: {
      en:
        'In a 2012 study of three public clouds, a new Linux VM took about 97 s ' +
        'to start and a Windows VM about 810 s.',
      ko: '2012년 세 퍼블릭 클라우드를 측정한 연구에서 새 리눅스 VM은 시작까지 약 97초, 윈도우 VM은 약 810초가 걸렸습니다.',
    },
    numbers: [n(97, 's'), n(810, 's'), n(2012, '')],
    ref: 'M. Mao, M. Humphrey, "A Performance Study on the VM Startup Time in the Cloud", IEEE CLOUD 2012',
  },
  {
    id: 'PH',
    claim: {
      en:
        'In one Phoronix test, VirtualBox (a Type 2 hypervisor) was about 2x ' +
        'slower on a CPU benchmark. One hypervisor on one test: not a figure for ' +
        'every Type 2 hypervisor.',
      ko:
        'Phoronix의 한 시험에서 VirtualBox(Type 2 하이퍼바이저)는 CPU 벤치마크가 약 2배 느렸습니다. ' +
        '하이퍼바이저 하나를 한 가지 시험으로 잰 값이라 모든 Type 2 하이퍼바이저에 그대로 적용할 수는 없습니다.',
    },
    numbers: [n(2, 'x')],
    ref: 'Phoronix, "Ubuntu 15.10: KVM vs. Xen vs. VirtualBox"',
  },
  {
    id: 'AL',
    claim: {
      en: 'Container images: alpine 5.6 MB, ubuntu 64 MB, debian 114 MB.',
      ko: '컨테이너 이미지 크기는 alpine 5.6 MB, ubuntu 64 MB, debian 114 MB입니다.',
    },
    numbers: [n(5.6, 'MB'), n(64, 'MB'), n(114, 'MB')],
    ref: 'alpinelinux/docker-alpine README',
    url: 'https://github.com/alpinelinux/docker-alpine',
  },
  {
    id: 'WS',
    claim: {
      en:
        'Windows Server needs 512 MB of RAM (Server Core) to 2 GB (with the ' +
        'desktop experience), and a 32 GB system partition at least.',
      ko: 'Windows Server는 RAM 512 MB(Server Core)에서 2 GB(데스크톱 환경 포함)가 필요하고, 시스템 파티션은 최소 32 GB입니다.',
    },
    numbers: [n(512, 'MB', 2000), n(32, 'GB')],
    ref: 'Microsoft, "Hardware requirements for Windows Server"',
    url: 'https://learn.microsoft.com/en-us/windows-server/get-started/hardware-requirements',
  },
  {
    id: 'WR',
    claim: {
      en: 'A fresh Windows Server 2022 VM disk takes about 6-9.5 GB.',
      ko: '갓 설치한 Windows Server 2022 VM 디스크는 약 6-9.5 GB입니다.',
    },
    numbers: [n(6, 'GB', 9.5), n(2022, '')],
    ref: 'Windows Server 2022 VHD sizes',
  },
  {
    id: 'UB',
    claim: {
      en: 'Ubuntu Server runs comfortably with about 2 GB of RAM and needs at least 5 GB of disk.',
      ko: 'Ubuntu Server는 RAM 약 2 GB면 무리 없이 돌고, 디스크는 최소 5 GB가 필요합니다.',
    },
    numbers: [n(2, 'GB'), n(5, 'GB')],
    ref: 'Ubuntu Server documentation, basic installation',
  },
  {
    id: 'K8S',
    claim: {
      en: 'Kubernetes supports at most 110 pods per node.',
      ko: 'Kubernetes는 노드 하나에 파드를 최대 110개까지 지원합니다.',
    },
    numbers: [n(110, '')],
    ref: 'Kubernetes, "Considerations for large clusters"',
    url: 'https://kubernetes.io/docs/setup/best-practices/cluster-large/',
  },
  {
    id: 'KA',
    claim: {
      en:
        'Kubernetes asks for 2 CPUs or more on a control-plane machine and 2 GB ' +
        'or more of RAM per machine (any less leaves little room for the ' +
        'applications).',
      ko: 'Kubernetes는 컨트롤 플레인 머신에 CPU 2개 이상, 머신마다 RAM 2 GB 이상을 요구합니다. 그보다 적으면 애플리케이션이 쓸 자리가 거의 남지 않습니다.',
    },
    numbers: [n(2, ''), n(2, 'GB')],
    ref: 'Kubernetes documentation, "Installing kubeadm" (before you begin)',
    url: 'https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/install-kubeadm/',
  },
  {
    id: 'K8T',
    claim: {
      en:
        'When a node stops answering, Kubernetes by default leaves its pods ' +
        'bound to it for 300 s (5 min) before evicting them; their controllers ' +
        'then start replacement pods on the other nodes.',
      ko: '노드가 응답하지 않으면 Kubernetes는 기본 설정으로 300초(5분) 동안 파드를 그 노드에 묶어 둔 뒤 내보냅니다. 그러면 파드를 관리하는 컨트롤러가 다른 노드에 새 파드를 띄웁니다.',
    },
    numbers: [n(300, 's'), n(5, 'min')],
    ref: 'Kubernetes documentation, "Taints and Tolerations" (taint-based evictions, DefaultTolerationSeconds)',
    url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/',
  },
  {
    id: 'DL',
    claim: {
      en:
        'A Docker image is a stack of read-only layers, one for each instruction ' +
        'of its Dockerfile; the image never changes. Images that share layers ' +
        'store them once, a pull fetches only the layers not already on the ' +
        'host, and each container adds only a thin writable layer of its own.',
      ko:
        'Docker 이미지는 읽기 전용 레이어를 쌓은 것으로, Dockerfile의 명령 하나가 레이어 하나가 되고 이미지 자체는 ' +
        '바뀌지 않습니다. 레이어를 함께 쓰는 이미지들은 그 레이어를 한 번만 저장하고, pull할 때도 호스트에 없는 레이어만 ' +
        '받습니다. 컨테이너는 그 위에 얇은 쓰기 레이어 하나만 더합니다.',
    },
    numbers: [],
    ref: 'Docker documentation, "Storage drivers" (images and layers, container and layers)',
    url: 'https://docs.docker.com/engine/storage/drivers/',
  },
  {
    id: 'SO',
    claim: {
      en: 'Each container adds a few MB of runtime memory on the host (about 3 MB for its shim).',
      ko: '컨테이너 하나는 호스트에 런타임 메모리를 몇 MB만 더합니다 (shim 약 3 MB).',
    },
    numbers: [n(3, 'MB')],
    ref: 'Stack Overflow 21799382, "Maximum number of containers on a Docker host"',
    url: 'https://stackoverflow.com/questions/21799382',
  },
  {
    id: 'CVE1',
    claim: {
      en:
        'runc CVE-2019-5736 (CVSS 8.6): a flaw in runc, the container runtime, ' +
        'let a malicious container overwrite the host’s runc binary and run code ' +
        'as root on the host.',
      ko:
        'runc CVE-2019-5736 (CVSS 8.6)은 컨테이너 런타임인 runc의 결함으로, 악성 컨테이너가 호스트의 runc ' +
        '실행 파일을 덮어써 호스트에서 root 권한으로 코드를 실행할 수 있었습니다.',
    },
    numbers: [n(8.6, '')],
    ref: 'runc CVE-2019-5736 advisory',
    url: 'https://nvd.nist.gov/vuln/detail/CVE-2019-5736',
  },
  {
    id: 'CVE2',
    claim: {
      en:
        'runc CVE-2024-21626 ("Leaky Vessels"): a leaked file descriptor in runc ' +
        'let a container reach the host’s filesystem.',
      ko: 'runc CVE-2024-21626 ("Leaky Vessels")은 runc에서 새어 나온 파일 디스크립터를 통해 컨테이너가 호스트 파일 시스템에 접근할 수 있었던 결함입니다.',
    },
    numbers: [],
    ref: 'runc CVE-2024-21626 advisory',
    url: 'https://nvd.nist.gov/vuln/detail/CVE-2024-21626',
  },
  {
    id: 'VEN',
    claim: {
      en:
        'VENOM (CVE-2015-3456): a bug in QEMU’s virtual floppy controller let a ' +
        'guest escape to the host. VMs are not immune.',
      ko: 'VENOM(CVE-2015-3456)은 QEMU 가상 플로피 컨트롤러의 버그로, 게스트가 호스트로 탈출할 수 있었습니다. VM도 안전지대는 아닙니다.',
    },
    numbers: [],
    ref: 'VENOM, CVE-2015-3456',
    url: 'https://nvd.nist.gov/vuln/detail/CVE-2015-3456',
  },
  {
    id: 'MS',
    claim: {
      en:
        'In every cloud service model the customer remains responsible for its ' +
        'data, endpoints, accounts and access management.',
      ko: '어떤 클라우드 서비스 모델에서도 데이터, 단말, 계정과 접근 관리는 고객의 책임으로 남습니다.',
    },
    numbers: [],
    ref: 'Microsoft, "Shared responsibility in the cloud"',
    url: 'https://learn.microsoft.com/en-us/azure/security/fundamentals/shared-responsibility',
  },
  {
    id: 'NIST',
    claim: {
      en:
        'NIST’s cloud definition: IaaS lets the consumer run any software ' +
        'including the OS on provided processing, storage and networks; PaaS ' +
        'runs the consumer’s applications on the provider’s platform; SaaS is ' +
        'the provider’s application. The consumer does not manage the ' +
        'infrastructure underneath.',
      ko:
        'NIST의 클라우드 정의에 따르면 IaaS는 제공된 컴퓨팅·스토리지·네트워크 위에서 OS를 포함한 어떤 소프트웨어든 고객이 ' +
        '실행하는 모델이고, PaaS는 제공자의 플랫폼에서 고객의 애플리케이션을 실행하며, SaaS는 제공자의 애플리케이션을 씁니다. 그 ' +
        '아래 인프라는 고객이 관리하지 않습니다.',
    },
    numbers: [],
    ref: 'P. Mell, T. Grance, "The NIST Definition of Cloud Computing", NIST SP 800-145',
    url: 'https://doi.org/10.6028/NIST.SP.800-145',
  },
  {
    id: '190',
    claim: {
      en:
        'NIST’s container security guide advises grouping containers by ' +
        'sensitivity and not mixing workloads of different sensitivity on one ' +
        'host kernel.',
      ko: 'NIST의 컨테이너 보안 지침은 컨테이너를 민감도별로 묶고, 민감도가 다른 워크로드를 한 호스트 커널에 섞지 말라고 권고합니다.',
    },
    numbers: [],
    ref: 'NIST SP 800-190, "Application Container Security Guide"',
    url: 'https://doi.org/10.6028/NIST.SP.800-190',
  },
  {
    id: 'GUESS',
    claim: {
      en:
        'The game’s own estimate: no published measurement was found for this ' +
        'number. It keeps the comparisons in the right order, but it is not a ' +
        'measured fact.',
      ko: '게임이 정한 추정치입니다. 이 수치를 측정한 공개 자료는 찾지 못했습니다. 비교의 순서는 맞게 잡았지만, 측정된 사실은 아닙니다.',
    },
    numbers: [],
    ref: 'HostRush (no source)',
  },
];

const BY_ID = new Map<string, Fact>(FACTS.map((f) => [f.id, f]));

/** The row a tag names, or undefined for a tag the table lacks. */
export function factById(id: string): Fact | undefined {
  return BY_ID.get(id);
}
