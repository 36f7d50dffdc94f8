// Questions on full virtualization and para-virtualization.
import { bi, type BiQuestion } from './bilingual.js';

export const VIRT_MODE_QUESTIONS: BiQuestion[] = [
  // ------------------------------------------------------------ full-virt
  {
    id: 'q-fv-001',
    topic: 'full-virt',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      '모든 전가상화 하이퍼바이저에서 게스트의 하드웨어 요청은 반드시 Dom0를 거쳐 처리된다.',
      "In every full-virtualization hypervisor, a guest's hardware requests must go through Dom0.",
    ),
    correct: false,
    explanation: bi(
      '거짓입니다. "게스트 → Dom0 → 하이퍼바이저 → 하드웨어" 흐름은 Xen의 설계입니다. KVM은 리눅스 커널(KVM ' +
        '모듈)이 특권 명령을 가로채고 호스트의 QEMU 프로세스가 장치를 에뮬레이트하며, VMware ESXi는 자기 ' +
        '커널(vmkernel) 안에서 처리합니다. Dom0라는 것 자체가 Xen에만 있습니다.',
      'False. "Guest -> Dom0 -> hypervisor -> hardware" is Xen\'s design. In ' +
        'KVM the Linux kernel (the KVM module) traps privileged operations and a ' +
        'QEMU process on the host emulates devices; VMware ESXi handles them in ' +
        'its own vmkernel. Dom0 exists only in Xen.',
    ),
  },
  {
    id: 'q-fv-002',
    topic: 'full-virt',
    type: 'single',
    timeLimitS: 20,
    prompt: bi('전가상화(full virtualization)의 특징은?', 'What characterises full virtualization?'),
    options: [
      bi(
        '게스트 OS를 수정하지 않고, 하드웨어 전체를 가상화해 보여 준다',
        'The guest OS runs unmodified; the whole hardware is virtualized for it',
      ),
      bi(
        '게스트 커널을 고쳐 하이퍼바이저를 직접 호출한다',
        'The guest kernel is modified to call the hypervisor directly',
      ),
      bi('게스트 없이 호스트 커널을 공유한다', 'There is no guest; the host kernel is shared'),
      bi('리눅스 게스트만 실행할 수 있다', 'Only Linux guests can run'),
    ],
    correct: 0,
    explanation: bi(
      '전가상화는 하드웨어를 통째로 가상화해 게스트 OS가 자신이 가상 머신 위에 있는지 몰라도 되게 합니다. 그래서 Windows처럼 ' +
        '소스를 고칠 수 없는 OS도 그대로 돌릴 수 있습니다. 대신 특권 명령과 I/O를 하이퍼바이저가 중재하므로 그만큼 느려집니다.',
      'Full virtualization presents complete virtual hardware, so the guest OS ' +
        'need not know it is virtualized, and closed OSes like Windows run ' +
        'unmodified. The price: the hypervisor mediates privileged instructions ' +
        'and I/O, which costs speed.',
    ),
  },
  {
    id: 'q-fv-003',
    topic: 'full-virt',
    type: 'ordering',
    timeLimitS: 45,
    prompt: bi(
      'Xen 전가상화(HVM) 게스트가 디스크를 읽을 때의 흐름을 순서대로 나열하세요.',
      'Order the path of a disk read by a fully virtualized (HVM) guest on Xen.',
    ),
    items: [
      bi(
        '게스트 OS의 수정되지 않은 드라이버가 가상 디스크 컨트롤러에 접근',
        "The guest OS's unmodified driver touches the virtual disk controller",
      ),
      bi('Xen 하이퍼바이저가 그 접근을 가로챔(trap)', 'The Xen hypervisor traps the access'),
      bi(
        'Dom0의 장치 모델(QEMU)이 디스크 컨트롤러를 에뮬레이트',
        'The device model (QEMU) in Dom0 emulates the disk controller',
      ),
      bi('Dom0의 실제 드라이버가 물리 디스크에 접근', "Dom0's real driver accesses the physical disk"),
    ],
    explanation: bi(
      'Xen에서는 하이퍼바이저가 접근을 가로채 Dom0의 장치 모델에 넘기고, Dom0의 실제 드라이버가 하드웨어를 다룹니다. ' +
        '요청마다 이 여러 단계를 거치므로 I/O가 느립니다. 이것은 Xen의 방식이며, KVM은 호스트의 QEMU가 같은 역할을 합니다.',
      'On Xen the hypervisor traps the access and hands it to the device model ' +
        'in Dom0, whose real driver drives the hardware. Every request takes all ' +
        "these steps, which is why I/O is slow. This is Xen's way; on KVM a QEMU " +
        'process on the host plays that part.',
    ),
  },
  {
    id: 'q-fv-004',
    topic: 'full-virt',
    type: 'multi',
    timeLimitS: 30,
    prompt: bi(
      '전가상화에 대한 설명으로 옳은 것을 모두 고르세요.',
      'Select every true statement about full virtualization.',
    ),
    options: [
      bi('게스트 OS를 수정하지 않는다', 'The guest OS is not modified'),
      bi(
        '특권 명령은 하이퍼바이저가 가로채 처리한다(Intel VT-x·AMD-V가 도움)',
        'Privileged instructions are trapped and handled by the hypervisor (helped by Intel VT-x / AMD-V)',
      ),
      bi('게스트가 하이퍼콜로 하이퍼바이저를 직접 부른다', 'The guest calls the hypervisor directly with hypercalls'),
      bi('요청은 어느 하이퍼바이저에서나 Xen의 Dom0를 거친다', "Requests go through Xen's Dom0 on every hypervisor"),
      bi(
        '게스트 OS가 자신이 가상 머신 위에 있다는 것을 알아야 한다',
        'The guest OS must know that it runs in a virtual machine',
      ),
    ],
    correct: [0, 1],
    explanation: bi(
      '전가상화는 수정하지 않은 게스트를 그대로 돌리고, 특권 명령은 하이퍼바이저가 가로챕니다(요즘은 CPU의 하드웨어 가상화 기능이 ' +
        '이를 돕습니다). 게스트는 진짜 하드웨어 위에 있다고 여기고 동작하면 됩니다. 하이퍼콜은 반가상화의 방식이고, Dom0는 ' +
        'Xen에만 있는 구성 요소입니다.',
      'Full virtualization runs unmodified guests and traps their privileged ' +
        "instructions (today with the CPU's hardware virtualization support); " +
        'the guest can behave as if it owned real hardware. Hypercalls are how ' +
        'para-virtualization works, and Dom0 is specific to Xen.',
    ),
  },
  {
    id: 'q-fv-005',
    topic: 'full-virt',
    type: 'numeric',
    timeLimitS: 40,
    prompt: bi(
      '물리 서버에서 랜덤 읽기가 초당 100,000 IOPS 나옵니다. 모든 I/O가 QEMU를 거치는 KVM VM은 측정상 그 절반 정도였습니다. VM에서는 약 몇 IOPS일까요?',
      'A bare-metal server does 100,000 random-read IOPS. A KVM VM, where ' +
        'every I/O goes through QEMU, measured about half of that. About how ' +
        'many IOPS does the VM get?',
    ),
    correct: 50000,
    tolerance: 2000,
    unit: bi('IOPS', 'IOPS'),
    explanation: bi(
      '100,000 × 0.5 = 50,000 IOPS입니다. I/O 하나하나가 호스트의 QEMU를 거치는 비용 때문입니다. 같은 ' +
        '연구에서 컨테이너는 물리 서버와 같았고, MySQL은 KVM에서 40% 넘게 느려졌습니다(Felter 외, IBM 2015). ' +
        'VM은 CPU보다 I/O에서 주로 손해를 봅니다.',
      '100,000 × 0.5 = 50,000 IOPS, the cost of every I/O passing through QEMU ' +
        'on the host. In the same study containers matched bare metal and MySQL ' +
        'lost over 40% on KVM (Felter et al., IBM 2015): VMs pay mainly on I/O, ' +
        'not CPU.',
    ),
  },
  {
    id: 'q-fv-006',
    topic: 'full-virt',
    type: 'single',
    timeLimitS: 20,
    prompt: bi(
      '모든 I/O가 호스트의 QEMU를 거치는 KVM VM에서 가장 크게 느려지는 작업은?',
      'In a KVM VM whose every I/O passes through QEMU on the host, which work slows down most?',
    ),
    options: [
      bi('랜덤 디스크 I/O가 많은 데이터베이스', 'A database doing lots of random disk I/O'),
      bi('메모리 안에서만 도는 계산', 'A computation that stays in memory'),
      bi('순차적으로 큰 파일 읽기', 'Reading a large file sequentially'),
      bi('아무 작업도 느려지지 않는다', 'Nothing slows down'),
    ],
    correct: 0,
    explanation: bi(
      'KVM에서 랜덤 I/O는 절반으로, MySQL은 40% 넘게 느려졌지만 메모리 접근은 97~99%, 순차 I/O는 거의 ' +
        '100%였습니다(Felter 외, IBM 2015). 이 측정의 VM은 이미 반가상화 장치(virtio)를 쓰고 있었습니다. ' +
        'virtio는 처리량을 물리 서버에 가깝게 지켜 주지만, I/O 하나하나가 QEMU를 거치는 비용은 남아서 작은 요청이 많은 ' +
        '랜덤 I/O와 지연 시간에서 손해가 큽니다.',
      'On KVM random I/O halved and MySQL lost over 40%, while memory access ' +
        'stayed at 97-99% and sequential I/O near 100% (Felter et al., IBM ' +
        '2015). That VM already used para-virtual (virtio) devices: virtio keeps ' +
        'throughput near native, but each I/O still passes through QEMU, so many ' +
        'small random requests and latency pay the most.',
    ),
  },
  {
    id: 'q-fv-007',
    topic: 'full-virt',
    type: 'matching',
    timeLimitS: 45,
    prompt: bi('가상화 기법과 설명을 짝지으세요.', 'Match each virtualization technique with its description.'),
    left: [
      bi('전가상화', 'Full virtualization'),
      bi('반가상화', 'Para-virtualization'),
      bi('하드웨어 지원 가상화', 'Hardware-assisted virtualization'),
      bi('OS 수준 가상화(컨테이너)', 'OS-level virtualization (containers)'),
    ],
    right: [
      bi(
        'CPU(VT-x·AMD-V)가 게스트의 특권 명령을 하이퍼바이저로 넘김',
        "The CPU (VT-x / AMD-V) hands a guest's privileged instructions to the hypervisor",
      ),
      bi('하나의 커널 위에서 프로세스들을 격리', 'Processes isolated on one shared kernel'),
      bi('수정하지 않은 게스트에게 하드웨어 전체를 가상화해 제공', 'Complete virtual hardware for an unmodified guest'),
      bi(
        '게스트 커널을 고쳐 하이퍼콜로 하이퍼바이저를 직접 호출',
        'Guest kernel modified to call the hypervisor through hypercalls',
      ),
    ],
    pairs: [2, 3, 0, 1],
    explanation: bi(
      '전가상화는 수정 없는 게스트, 반가상화는 수정된 커널과 하이퍼콜, 하드웨어 지원 가상화는 CPU가 가로채기를 돕는 방식, 컨테이너는 하이퍼바이저 없이 한 커널을 공유하는 OS 수준 격리입니다.',
      'Full virtualization: unmodified guests. Para-virtualization: modified ' +
        'kernels and hypercalls. Hardware assistance: the CPU helps trap. ' +
        'Containers: OS-level isolation sharing one kernel, no hypervisor.',
    ),
  },

  // ------------------------------------------------------------ para-virt
  {
    id: 'q-pv-001',
    topic: 'para-virt',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      '반가상화를 쓰려면 게스트 OS의 커널을 수정해야 한다.',
      'Para-virtualization requires a modified guest OS kernel.',
    ),
    correct: true,
    explanation: bi(
      '참입니다. 반가상화 게스트는 커널을 고쳐서, 에뮬레이트된 하드웨어를 건드리는 대신 하이퍼콜로 하이퍼바이저에 직접 요청합니다. 그래서 리눅스처럼 커널 소스를 고칠 수 있는 OS에서만 쓸 수 있습니다.',
      "True. A para-virtualized guest's kernel is changed to ask the " +
        'hypervisor directly through hypercalls instead of touching emulated ' +
        'hardware, so it needs an OS whose kernel can be modified, such as Linux.',
    ),
  },
  {
    id: 'q-pv-002',
    topic: 'para-virt',
    type: 'multi',
    timeLimitS: 30,
    prompt: bi(
      '반가상화에 대한 설명으로 옳은 것을 모두 고르세요.',
      'Select every true statement about para-virtualization.',
    ),
    options: [
      bi('게스트 커널을 수정한다', 'The guest kernel is modified'),
      bi('특권 명령 대신 하이퍼콜을 쓴다', 'Hypercalls replace privileged instructions'),
      bi('I/O가 많은 작업에서 전가상화보다 빠르다', 'It beats full virtualization on I/O-heavy work'),
      bi(
        'CPU에 가상화 지원(VT-x·AMD-V)이 없던 시절에도 x86에서 빠르게 동작했다',
        'It ran fast on x86 even before CPUs had virtualization support (VT-x, AMD-V)',
      ),
      bi('수정하지 않은 어떤 OS도 그대로 실행할 수 있다', 'Any unmodified OS runs as is'),
      bi('물리 서버보다 빠르다', 'It is faster than bare metal'),
    ],
    correct: [0, 1, 2, 3],
    explanation: bi(
      '반가상화는 커널을 고쳐 하이퍼콜을 쓰므로, 특권 명령을 가로채거나 바이너리를 변환할 필요가 없습니다. 그래서 CPU의 가상화 ' +
        '지원이 나오기 전인 2003년에 이미 Xen 반가상화는 SPECweb99에서 물리 성능의 1% 이내였습니다(Barham 외, ' +
        'SOSP 2003). 그래도 물리 서버보다 빠르지는 않고, 커널을 수정할 수 없는 OS에는 쓸 수 없습니다.',
      'Para-virtualization modifies the kernel to use hypercalls, so nothing ' +
        'has to be trapped or binary-translated. That is why Xen PV was within ' +
        '1% of native on SPECweb99 in 2003, before CPUs had virtualization ' +
        'support (Barham et al., SOSP 2003). It is still not faster than bare ' +
        'metal, and it cannot run an OS whose kernel cannot be modified.',
    ),
  },
  {
    id: 'q-pv-003',
    topic: 'para-virt',
    type: 'single',
    timeLimitS: 20,
    prompt: bi(
      '일반 Windows를 Xen 반가상화(PV) 게스트로 실행할 수 없는 이유는?',
      'Why can stock Windows not run as a Xen para-virtualized (PV) guest?',
    ),
    options: [
      bi('소스가 공개되지 않아 커널을 수정할 수 없기 때문', 'Its kernel is closed source and cannot be modified'),
      bi('Windows는 가상화를 아예 지원하지 않기 때문', 'Windows cannot be virtualized at all'),
      bi('Xen은 Windows를 위해 만들어졌기 때문', 'Xen was built only for Windows'),
      bi('Windows에는 커널이 없기 때문', 'Windows has no kernel'),
    ],
    correct: 0,
    explanation: bi(
      '반가상화는 게스트 커널 자체를 고쳐야 하는데 Windows 커널은 사용자가 수정할 수 없습니다. 그래서 Windows는 전가상화 ' +
        'VM으로 돌립니다. 다만 그 안에서 디스크·네트워크용 반가상화 드라이버를 설치해 I/O 속도를 높이는 것은 가능합니다.',
      'Para-virtualization changes the guest kernel itself, and users cannot ' +
        'modify the Windows kernel, so Windows runs in a fully virtualized VM. ' +
        'Inside it, para-virtual disk and network drivers can still be installed ' +
        'to speed up I/O.',
    ),
  },
  // q-pv-007 and q-pv-008 come before q-pv-004 so that the second course (builtin.ts) asks para-virtualization's
  // ordering and matching questions.
  {
    id: 'q-pv-007',
    topic: 'para-virt',
    type: 'ordering',
    timeLimitS: 45,
    prompt: bi(
      'Xen 반가상화(PV) 게스트가 디스크를 읽을 때의 흐름을 순서대로 나열하세요.',
      'Order the path of a disk read by a para-virtualized (PV) guest on Xen.',
    ),
    items: [
      bi(
        '게스트 커널의 프런트엔드 드라이버가 요청을 공유 메모리 링에 넣음',
        "The guest kernel's front-end driver puts the request on a shared-memory ring",
      ),
      bi('이벤트 채널로 Dom0에 요청이 왔음을 알림', 'It notifies Dom0 through an event channel'),
      bi('Dom0의 백엔드 드라이버가 링에서 요청을 꺼냄', "Dom0's back-end driver takes the request off the ring"),
      bi('Dom0의 실제 디스크 드라이버가 물리 디스크를 읽음', "Dom0's real disk driver reads the physical disk"),
    ],
    explanation: bi(
      '반가상화 게스트는 가짜 디스크 컨트롤러를 건드리지 않습니다. 게스트의 프런트엔드 드라이버와 Dom0의 백엔드 드라이버가 공유 ' +
        '메모리로 요청을 직접 주고받습니다(Xen의 분할 드라이버 모델). 장치 에뮬레이션도 명령 가로채기도 없어서 전가상화(HVM)의 ' +
        '경로보다 단계가 적고 빠릅니다. KVM의 virtio도 같은 생각을 따릅니다.',
      'A para-virtualized guest never touches a fake disk controller: its ' +
        "front-end driver and Dom0's back-end driver pass requests directly " +
        "through shared memory (Xen's split driver model). With no device " +
        'emulation and no trapping, the path has fewer steps than a fully ' +
        "virtualized (HVM) guest's and is faster. KVM's virtio follows the same " +
        'idea.',
    ),
  },
  {
    id: 'q-pv-008',
    topic: 'para-virt',
    type: 'matching',
    timeLimitS: 45,
    prompt: bi(
      '가상화 기법과 게스트 쪽에서 바뀌는 것을 짝지으세요.',
      "Match each technique with what changes on the guest's side.",
    ),
    left: [
      bi('Xen 반가상화(PV)', 'Xen para-virtualization (PV)'),
      bi('virtio 드라이버', 'virtio drivers'),
      bi('바이너리 변환', 'Binary translation'),
      bi('하드웨어 지원 가상화(VT-x·AMD-V)', 'Hardware-assisted virtualization (VT-x, AMD-V)'),
    ],
    right: [
      bi(
        '게스트는 그대로 두고, 하이퍼바이저가 실행 중에 특권 명령을 다른 코드로 바꿔 실행',
        'Nothing in the guest; the hypervisor rewrites privileged instructions on the fly',
      ),
      bi(
        '게스트는 그대로 두고, CPU가 특권 명령을 가로채 하이퍼바이저로 넘김',
        'Nothing in the guest; the CPU traps privileged instructions into the hypervisor',
      ),
      bi('게스트 커널 전체를 고쳐 하이퍼콜을 씀', 'The whole guest kernel is modified to use hypercalls'),
      bi(
        '게스트에 I/O 드라이버만 더해 디스크·네트워크를 반가상화',
        'Only I/O drivers are added, para-virtualizing disk and network',
      ),
    ],
    pairs: [2, 3, 0, 1],
    explanation: bi(
      '반가상화는 "게스트가 무엇을 바꾸느냐"로 구분하면 쉽습니다. Xen PV는 커널 전체를 고치고, virtio는 드라이버만 ' +
        '더하므로 Windows에도 쓸 수 있습니다. 바이너리 변환과 하드웨어 지원 가상화는 게스트를 전혀 고치지 않는 전가상화 ' +
        '방식입니다. 특권 명령을 바이너리 변환에서는 하이퍼바이저가 소프트웨어로 처리하고, 하드웨어 지원 가상화에서는 CPU가 가로채 ' +
        '줍니다.',
      'Para-virtualization is easiest to tell apart by what the guest changes: ' +
        'Xen PV modifies the whole kernel, while virtio only adds drivers, so it ' +
        'works for Windows too. Binary translation and hardware assistance are ' +
        'full-virtualization methods that change nothing in the guest: ' +
        'privileged instructions are handled in software by the hypervisor in ' +
        'the first, by the CPU in the second.',
    ),
  },
  {
    id: 'q-pv-004',
    topic: 'para-virt',
    type: 'numeric',
    timeLimitS: 40,
    prompt: bi(
      '리눅스 커널 빌드가 물리 서버에서 100초 걸립니다. Xen 논문처럼 반가상화 게스트에서 3% 더 걸린다면 몇 초일까요?',
      'A Linux kernel build takes 100 s on bare metal. If a para-virtualized ' +
        'guest takes 3% longer, as in the Xen paper, how many seconds does it ' +
        'take?',
    ),
    correct: 103,
    tolerance: 0.5,
    unit: bi('초', 's'),
    explanation: bi(
      '100 × 1.03 = 103초입니다. Xen 논문에서 반가상화 게스트의 커널 빌드는 물리 서버보다 약 3% ' +
        '느렸습니다(Barham 외, SOSP 2003). 반가상화는 빠르지만 여전히 물리 서버보다는 조금 느립니다.',
      '100 × 1.03 = 103 s. In the Xen paper a kernel build in a ' +
        'para-virtualized guest took about 3% longer than native (Barham et al., ' +
        'SOSP 2003): fast, but still a little slower than bare metal.',
    ),
  },
  {
    id: 'q-pv-005',
    topic: 'para-virt',
    type: 'single',
    timeLimitS: 20,
    prompt: bi(
      '같은 리눅스 워크로드를 전가상화와 반가상화 중에서 고른다면, 반가상화의 이득이 가장 큰 것은?',
      'Choosing between full and para-virtualization for the same Linux ' +
        'workload, where does para-virtualization gain most?',
    ),
    options: [
      bi('디스크·네트워크 I/O가 많은 웹 서버나 DB', 'A web server or database heavy on disk and network I/O'),
      bi('메모리 안에서만 도는 수치 계산', 'Number crunching that stays in memory'),
      bi('하루에 한 번 실행되는 짧은 스크립트', 'A short script that runs once a day'),
      bi('Windows 데스크톱', 'A Windows desktop'),
    ],
    correct: 0,
    explanation: bi(
      '반가상화의 이득은 I/O 경로에서 나옵니다. 게스트가 흉내 낸 가짜 장치 대신 하이퍼바이저나 백엔드 드라이버와 직접 요청을 ' +
        '주고받으므로 I/O 성능이 물리 서버에 가깝습니다. 순수 계산은 어느 쪽이든 CPU에서 그대로 돌기 때문에 차이가 작고, ' +
        'Windows는 커널을 수정할 수 없습니다.',
      'Para-virtualization gains on the I/O path: the guest talks to the ' +
        'hypervisor and back-end drivers directly instead of emulated devices, ' +
        'so I/O stays near native. Pure computation runs on the CPU either way, ' +
        'and Windows cannot be modified.',
    ),
  },
  {
    id: 'q-pv-006',
    topic: 'para-virt',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      '오늘날 KVM의 리눅스 게스트는 보통 CPU는 하드웨어 지원 전가상화로, 디스크와 네트워크는 반가상화 장치(virtio)로 돌린다.',
      'Today a Linux guest on KVM usually runs its CPU with hardware-assisted ' +
        'full virtualization and its disk and network with para-virtual (virtio) ' +
        'devices.',
    ),
    correct: true,
    explanation: bi(
      '참입니다. 전가상화와 반가상화는 둘 중 하나만 고르는 것이 아닙니다. CPU와 메모리는 VT-x·AMD-V 덕분에 게스트를 ' +
        '고치지 않고도 빠르게 돌고, 에뮬레이션 비용이 큰 I/O만 반가상화 드라이버(virtio)로 처리하는 혼합 방식이 일반적입니다. ' +
        '커널 전체를 고치는 예전 Xen PV 방식과 달리, 드라이버만 넣으면 되므로 Windows 게스트에도 virtio 드라이버를 ' +
        '설치할 수 있습니다.',
      'True. Full and para-virtualization are not either-or: thanks to VT-x ' +
        'and AMD-V the CPU and memory run fast in an unmodified guest, and only ' +
        'the I/O, where emulation is costly, goes through para-virtual (virtio) ' +
        'drivers. Unlike classic Xen PV, which modifies the whole kernel, this ' +
        'needs only drivers, so Windows guests can install virtio drivers too.',
    ),
  },
];
