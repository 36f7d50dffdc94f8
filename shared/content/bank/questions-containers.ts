// Questions on containers: kernel sharing, runtimes, cgroups and namespaces, isolation.
import { bi, type BiQuestion } from './bilingual.js';

export const CONTAINER_QUESTIONS: BiQuestion[] = [
  {
    id: 'q-ct-001',
    topic: 'container',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi('컨테이너는 Docker 엔진 위에서만 실행할 수 있다.', 'Containers can only run on the Docker engine.'),
    correct: false,
    explanation: bi(
      '거짓입니다. 컨테이너는 runc, containerd, CRI-O처럼 OCI 표준을 따르는 런타임이라면 어느 것으로도 실행할 수 ' +
        '있습니다. Docker는 이런 런타임을 편하게 다루게 해 주는 도구 중 하나이고, Kubernetes도 containerd나 ' +
        'CRI-O를 통해 컨테이너를 실행합니다.',
      'False. Containers run on any OCI-compliant runtime: runc, containerd, ' +
        'CRI-O and others. Docker is one tool that drives such runtimes, and ' +
        'Kubernetes runs containers through containerd or CRI-O.',
    ),
  },
  {
    id: 'q-ct-002',
    topic: 'container',
    type: 'multi',
    timeLimitS: 30,
    prompt: bi(
      'docker run으로 컨테이너 하나를 띄울 때 실제로 관여하는 것을 모두 고르세요.',
      'Select everything that takes part when docker run starts one container.',
    ),
    options: [
      bi('Docker 데몬(dockerd)', 'The Docker daemon (dockerd)'),
      bi('containerd', 'containerd'),
      bi('runc', 'runc'),
      bi('호스트 커널의 네임스페이스와 cgroups', "The host kernel's namespaces and cgroups"),
      bi('컨테이너마다 부팅되는 게스트 커널', 'A guest kernel booted for each container'),
      bi('하이퍼바이저', 'A hypervisor'),
    ],
    correct: [0, 1, 2, 3],
    explanation: bi(
      'docker 명령은 Docker 데몬에 요청하고, 데몬은 containerd에, containerd는 runc에 컨테이너 생성을 ' +
        '맡깁니다. runc는 호스트 커널의 네임스페이스와 cgroups를 설정해 프로세스를 시작한 뒤 물러납니다. 게스트 커널도 ' +
        '하이퍼바이저도 없습니다. 이 가운데 Docker는 빠져도 됩니다. containerd나 CRI-O만으로도 컨테이너를 실행할 수 ' +
        '있고, Kubernetes가 바로 그렇게 합니다.',
      'The docker command asks the Docker daemon, which hands the job to ' +
        'containerd, which has runc create the container; runc sets up the host ' +
        "kernel's namespaces and cgroups, starts the process and steps aside. " +
        'There is no guest kernel and no hypervisor. Docker is the one layer you ' +
        'can drop: containerd or CRI-O alone can run containers, which is ' +
        'exactly what Kubernetes does.',
    ),
  },
  {
    id: 'q-ct-003',
    topic: 'container',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      '컨테이너가 cgroups 메모리 상한을 넘기면, 다른 컨테이너의 메모리를 빼앗는 대신 그 컨테이너 안의 프로세스가 종료된다(OOM kill).',
      'When a container goes over its cgroups memory limit, a process inside ' +
        'that container is killed (OOM kill) instead of memory being taken from ' +
        'the other containers.',
    ),
    correct: true,
    explanation: bi(
      '참입니다. cgroups는 상한을 실제로 강제합니다. 메모리 상한을 넘으면 커널의 OOM killer가 그 cgroup 안의 ' +
        '프로세스를 종료하고, CPU 상한에 닿으면 그 컨테이너만 CPU 시간을 덜 받습니다(스로틀링). 그래서 메모리 상한은 앱이 ' +
        '실제로 쓰는 양보다 넉넉하게 잡아야 합니다.',
      'True. cgroups really enforce their limits: over the memory limit, the ' +
        "kernel's OOM killer kills a process inside that cgroup; at the CPU " +
        'limit, only that container gets less CPU time (throttling). That is why ' +
        'a memory limit must leave room above what the app really uses.',
    ),
  },
  {
    id: 'q-ct-004',
    topic: 'container',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      'runc 취약점 CVE-2019-5736은 악성 컨테이너가 호스트의 runc 실행 파일을 덮어써 호스트의 root 권한을 얻을 수 있게 했다.',
      'The runc flaw CVE-2019-5736 let a malicious container overwrite the ' +
        "host's runc binary and gain root on the host.",
    ),
    correct: true,
    explanation: bi(
      '참입니다(CVSS 8.6). runc는 커널이 아니라 컨테이너 런타임이지만, 호스트의 컨테이너가 모두 같은 runc로 실행되므로 ' +
        '이런 탈출 하나로 같은 호스트의 다른 컨테이너까지 위험해질 수 있습니다. 2024년의 runc CVE-2024-21626 ' +
        '"Leaky Vessels"도 컨테이너 탈출 취약점이었습니다. 컨테이너는 커널과 런타임을 공유하므로, 믿을 수 없는 코드는 ' +
        'VM, 마이크로VM, gVisor 같은 샌드박스로 더 강하게 격리하세요.',
      'True (CVSS 8.6). runc is the container runtime, not the kernel, but ' +
        'every container on the host is run by the same runc, so one such escape ' +
        "can put the host's other containers at risk too. runc CVE-2024-21626 " +
        '"Leaky Vessels" (2024) was another container escape. Containers share a ' +
        'kernel and a runtime: for untrusted code, draw a stronger boundary with ' +
        'a VM, a microVM or a sandbox such as gVisor.',
    ),
  },
  {
    id: 'q-ct-005',
    topic: 'container',
    type: 'single',
    timeLimitS: 25,
    prompt: bi(
      '컨테이너의 격리 수준을 가장 정확하게 설명한 것은?',
      'Which statement about container isolation is the most accurate?',
    ),
    options: [
      bi(
        '신뢰하는 워크로드끼리는 충분하지만, 커널 하나를 공유하므로 VM보다 경계가 약하다',
        "Good enough between trusted workloads, but one kernel is shared, so the boundary is weaker than a VM's",
      ),
      bi('VM과 똑같이 훌륭하다', 'Exactly as strong as a VM'),
      bi('격리가 전혀 없다', 'There is no isolation at all'),
      bi('자원 사용량을 제한할 방법이 없다', 'There is no way to limit resource use'),
    ],
    correct: 0,
    explanation: bi(
      '노트 004는 컨테이너 격리가 "훌륭하다"고 하고, 002는 보안이 약점이라고 합니다. 정확한 설명은 그 사이에 있습니다. ' +
        '네임스페이스와 cgroups로 프로세스를 잘 격리하지만 커널이 하나뿐이라, 커널 취약점이나 컨테이너 탈출 하나로 모든 컨테이너가 ' +
        '위험해질 수 있습니다. VM은 저마다 커널을 따로 두므로 경계가 더 강합니다.',
      'Note 004 calls container isolation "excellent" while 002 calls it a ' +
        'weakness; the accurate view lies between. Namespaces and cgroups ' +
        'isolate processes well, but there is one kernel, so a kernel exploit or ' +
        'escape can reach every container. VMs have their own kernels and draw a ' +
        'stronger boundary.',
    ),
  },
  {
    id: 'q-ct-006',
    topic: 'container',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      'Windows 전용 애플리케이션을 리눅스 호스트의 컨테이너로 실행할 수 있다.',
      'A Windows-only application can run in a container on a Linux host.',
    ),
    correct: false,
    explanation: bi(
      '거짓입니다. 컨테이너에는 자기 커널이 없고 호스트 커널을 그대로 쓰므로, 컨테이너 안의 프로그램은 호스트와 같은 종류의 커널에서 ' +
        '돌도록 만들어져 있어야 합니다. 리눅스 호스트에서 Windows 프로그램을 돌리려면 VM이 필요합니다. VM은 어떤 게스트 ' +
        'OS든 실행할 수 있습니다.',
      "False. A container has no kernel of its own and uses the host's, so the " +
        'programs in it must be built for the same kind of kernel. A Windows ' +
        'program on a Linux host needs a VM, which can run any guest OS.',
    ),
  },
  {
    id: 'q-ct-007',
    topic: 'container',
    type: 'matching',
    timeLimitS: 45,
    prompt: bi(
      '리눅스 커널 기능과 컨테이너에서의 역할을 짝지으세요.',
      'Match each Linux kernel feature with its role for containers.',
    ),
    left: [
      bi('네임스페이스', 'Namespaces'),
      bi('cgroups', 'cgroups'),
      bi('seccomp', 'seccomp'),
      bi('capabilities', 'Capabilities'),
    ],
    right: [
      bi('쓸 수 있는 시스템 콜을 제한', 'Limits which system calls it may make'),
      bi('root 권한을 잘게 나눠 일부만 허용', 'Splits root privileges and grants only some'),
      bi(
        '프로세스가 볼 수 있는 것(PID, 네트워크, 마운트)을 분리',
        'Separates what a process can see (PIDs, network, mounts)',
      ),
      bi('쓸 수 있는 CPU·메모리 양을 제한', 'Caps how much CPU and memory it may use'),
    ],
    pairs: [2, 3, 0, 1],
    explanation: bi(
      '네임스페이스는 "무엇을 볼 수 있나", cgroups는 "얼마나 쓸 수 있나", seccomp와 capabilities는 ' +
        '"무엇을 할 수 있나"를 정합니다. 모두 하나의 커널이 제공하는 기능이라, 그 커널 자체의 취약점까지 막아 주지는 못합니다.',
      'Namespaces decide what a process can see, cgroups how much it may use, ' +
        'seccomp and capabilities what it may do. All are features of the one ' +
        'shared kernel, so none protects against a flaw in that kernel itself.',
    ),
  },
  {
    id: 'q-ct-008',
    topic: 'container',
    type: 'ordering',
    timeLimitS: 40,
    prompt: bi(
      '컨테이너 배포 구조를 아래층부터 순서대로 나열하세요.',
      'Order the layers of container deployment, bottom first.',
    ),
    items: [
      bi('물리 하드웨어', 'Physical hardware'),
      bi('호스트 OS와 그 커널(하나뿐)', 'Host OS and its kernel (just one)'),
      bi('컨테이너 런타임(containerd, runc 등)', 'Container runtime (containerd, runc...)'),
      bi('컨테이너 안의 Bins/Libs', 'Bins/libs inside the container'),
      bi('애플리케이션', 'Application'),
    ],
    explanation: bi(
      '컨테이너 배포에서는 하이퍼바이저 자리에 컨테이너 런타임이 들어가고, 게스트 OS가 없습니다. 모든 컨테이너가 호스트 커널 하나를 공유하고, 각자 앱과 라이브러리만 가집니다.',
      "In container deployment a container runtime takes the hypervisor's " +
        "place and there is no guest OS: every container shares the host's one " +
        'kernel and carries only its app and libraries.',
    ),
  },
  {
    id: 'q-ct-009',
    topic: 'container',
    type: 'ordering',
    timeLimitS: 45,
    prompt: bi(
      '측정된 시작 시간이 빠른 것부터 느린 것 순서로 나열하세요.',
      'Order these by measured start time, fastest first.',
    ),
    items: [
      bi('리눅스 네임스페이스 생성(8~10 ms)', 'Creating Linux namespaces (8-10 ms)'),
      bi('Firecracker 마이크로VM 초기화(125 ms 이하)', 'Firecracker microVM init (at most 125 ms)'),
      bi('docker run으로 컨테이너 시작(약 0.6~1.2초)', 'Starting a container with docker run (about 0.6-1.2 s)'),
      bi('기본 KVM 리눅스 VM 부팅(7~9초)', 'Booting a stock Linux VM on KVM (7-9 s)'),
      bi('2012년 클라우드 Windows VM 시작(약 810초)', 'Starting a Windows cloud VM in 2012 (about 810 s)'),
    ],
    explanation: bi(
      '네임스페이스를 만드는 일 자체는 8~10 ms면 끝나지만, docker run은 이미지 준비와 파일 시스템 마운트, 네트워크 ' +
        '설정까지 하므로 약 0.6~1.2초가 걸렸습니다(arXiv 2602.15214). Firecracker는 장치를 최소한으로 줄인 ' +
        'VM이라 125 ms 이하로 초기화됩니다(Firecracker 명세). 게스트 OS 전체를 부팅하는 VM은 훨씬 느려서 기본 ' +
        'KVM은 7~9초(Depot 측정), 2012년 클라우드의 Windows VM은 약 810초가 걸렸습니다(Mao & ' +
        'Humphrey, 2012).',
      'Creating the namespaces takes only 8-10 ms, but docker run also ' +
        'prepares the image, mounts its file system and sets up the network, ' +
        'about 0.6-1.2 s in all (arXiv 2602.15214). Firecracker is a VM cut down ' +
        'to a minimum of devices and initialises in at most 125 ms (Firecracker ' +
        'specification). A VM that boots a whole guest OS is far slower: 7-9 s ' +
        'on stock KVM (measured by Depot), about 810 s for a Windows cloud VM in ' +
        '2012 (Mao & Humphrey, 2012).',
    ),
  },
  {
    id: 'q-ct-010',
    topic: 'container',
    type: 'numeric',
    timeLimitS: 40,
    prompt: bi(
      '물리 서버끼리의 네트워크 왕복 지연이 40 µs입니다. Docker의 기본 NAT 네트워크는 측정상 지연이 약 2배였습니다. 약 몇 µs일까요?',
      "Native network round-trip latency is 40 µs. Docker's default NAT " +
        'networking measured about twice the latency. About how many µs is that?',
    ),
    correct: 80,
    tolerance: 4,
    unit: bi('µs', 'µs'),
    explanation: bi(
      '40 × 2 = 80 µs입니다. Docker NAT는 지연을 약 2배로 늘렸고, 호스트 네트워크 모드는 물리 서버와 같지만 ' +
        '네트워크 격리가 없습니다(Felter 외, IBM 2015). 컨테이너는 CPU와 메모리에서 거의 손해가 없어도, 네트워크 ' +
        '구성에 따라 비용이 생깁니다.',
      '40 × 2 = 80 µs. Docker NAT roughly doubled latency, while host ' +
        'networking matched native but gives up network isolation (Felter et ' +
        'al., IBM 2015). Containers cost almost nothing in CPU and memory, but ' +
        'the network setup can.',
    ),
  },
  {
    id: 'q-ct-011',
    topic: 'container',
    type: 'single',
    timeLimitS: 25,
    prompt: bi(
      '노트에는 "컨테이너는 자원 격리와 쿼터 제한이 어렵다"고 적혀 있습니다. 정확한 설명은?',
      'The notes say containers make "resource isolation and quotas hard". What is accurate?',
    ),
    options: [
      bi(
        'cgroups가 CPU·메모리 쿼터를 강제하며, 약한 부분은 커널을 공유하는 보안 격리다',
        'cgroups enforce CPU and memory quotas; the weak part is security isolation through the shared kernel',
      ),
      bi(
        '노트 말대로 컨테이너는 CPU와 메모리를 제한할 수 없다',
        'The notes are right: containers cannot limit CPU or memory',
      ),
      bi(
        '컨테이너는 VM보다 쿼터를 더 잘 지키므로 보안도 더 강하다',
        'Containers enforce quotas better than VMs, so they are also more secure',
      ),
      bi('쿼터는 Docker에서만 가능하고 다른 런타임은 불가능하다', 'Quotas work only with Docker, not other runtimes'),
    ],
    correct: 0,
    explanation: bi(
      'cgroups는 커널 기능이라 어떤 런타임에서든 CPU·메모리 상한을 강제합니다. 다만 시끄러운 이웃의 영향은 VM(2~4%, ' +
        'Barham 외, SOSP 2003)보다 조금 더 받을 수 있고, 보안 경계는 커널 하나를 공유하므로 VM보다 약합니다.',
      'cgroups are a kernel feature, so any runtime can enforce CPU and memory ' +
        'limits. Containers may feel a noisy neighbour somewhat more than VMs do ' +
        '(2-4% under Xen, Barham et al., SOSP 2003), and their security boundary ' +
        'is weaker because the kernel is shared.',
    ),
  },
];
