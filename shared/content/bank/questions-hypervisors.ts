// Questions on hypervisors: Type 1 (native, bare-metal) and Type 2 (hosted).
import { bi, type BiQuestion } from './bilingual.js';

export const HYPERVISOR_QUESTIONS: BiQuestion[] = [
  // ------------------------------------------------------------ hypervisor-type1
  {
    id: 'q-t1-001',
    topic: 'hypervisor-type1',
    type: 'ordering',
    timeLimitS: 40,
    prompt: bi(
      'Type 1(네이티브) 하이퍼바이저 구조를 아래층부터 순서대로 나열하세요.',
      'Order the layers of a Type 1 (native) hypervisor stack, bottom first.',
    ),
    items: [
      bi('물리 하드웨어', 'Physical hardware'),
      bi('Type 1 하이퍼바이저', 'Type 1 hypervisor'),
      bi('게스트 OS(VM마다 하나)', 'Guest OS (one per VM)'),
      bi('Bins/Libs', 'Bins/libs'),
      bi('애플리케이션', 'Application'),
    ],
    explanation: bi(
      '하드웨어 → 하이퍼바이저 → 게스트 OS들 순서입니다. Type 1 하이퍼바이저 아래에는 호스트 OS가 없습니다. 강의 노트의 ' +
        '"하드웨어 - 게스트 OS - 하이퍼바이저 - 호스트 OS"는 잘못된 순서입니다. Xen의 Dom0도 호스트 OS가 아니라 ' +
        '하이퍼바이저 위에서 도는 특권 게스트입니다.',
      'Hardware -> hypervisor -> guest OSes. There is no host OS under a Type ' +
        '1 hypervisor; the notes\' "hardware - guest OS - hypervisor - host OS" ' +
        "is a slip. Even Xen's Dom0 is not a host OS but a privileged guest " +
        'running on top of the hypervisor.',
    ),
  },
  {
    id: 'q-t1-002',
    topic: 'hypervisor-type1',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      'Hyper-V 역할을 켠 Windows 서버에서도 Windows는 하이퍼바이저 아래에서 하드웨어를 제어하는 호스트 OS로 남는다.',
      'On a Windows server with the Hyper-V role turned on, Windows stays a ' +
        'host OS under the hypervisor, controlling the hardware.',
    ),
    correct: false,
    explanation: bi(
      '거짓입니다. Hyper-V를 켜면 하이퍼바이저가 하드웨어 위에서 먼저 시작되고, 원래 쓰던 Windows는 그 위의 루트(부모) ' +
        '파티션으로 옮겨 가 실행됩니다. 루트 파티션은 장치 드라이버와 관리 도구를 가진 특권 파티션으로, Xen의 Dom0와 같은 ' +
        '역할을 합니다. 그래서 Hyper-V는 Type 1이고, Type 1 하이퍼바이저 아래에는 호스트 OS가 없습니다.',
      'False. With Hyper-V on, the hypervisor starts first on the hardware, ' +
        'and the Windows you were using moves up to run in the root (parent) ' +
        'partition on top of it. The root partition is a privileged partition ' +
        "with the device drivers and management tools, the same role as Xen's " +
        'Dom0. That is why Hyper-V is Type 1: there is no host OS under a Type 1 ' +
        'hypervisor.',
    ),
  },
  {
    id: 'q-t1-003',
    topic: 'hypervisor-type1',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi('KVM은 보통 Type 1 하이퍼바이저로 분류된다.', 'KVM is commonly classified as a Type 1 hypervisor.'),
    correct: true,
    explanation: bi(
      '참입니다. KVM은 리눅스 커널 모듈로, 리눅스 커널 자체가 하드웨어 위에서 하이퍼바이저가 됩니다. 리눅스가 일반 프로그램도 ' +
        '실행하니 Type 2에 가깝다는 논쟁도 있지만, 일반적인 분류는 Type 1입니다.',
      'True. KVM is a Linux kernel module: the Linux kernel itself becomes the ' +
        'hypervisor on the hardware. Some argue it looks hosted because Linux ' +
        'also runs ordinary programs, but the common classification is Type 1.',
    ),
  },
  {
    id: 'q-t1-004',
    topic: 'hypervisor-type1',
    type: 'multi',
    timeLimitS: 30,
    prompt: bi('Type 1(네이티브) 하이퍼바이저를 모두 고르세요.', 'Select every Type 1 (native) hypervisor.'),
    options: [
      bi('Xen', 'Xen'),
      bi('Microsoft Hyper-V', 'Microsoft Hyper-V'),
      bi('KVM', 'KVM'),
      bi('VMware ESXi', 'VMware ESXi'),
      bi('VirtualBox', 'VirtualBox'),
      bi('VMware Workstation', 'VMware Workstation'),
    ],
    correct: [0, 1, 2, 3],
    explanation: bi(
      'Xen, Hyper-V, KVM, VMware ESXi는 하드웨어 위에서 직접 동작하는 Type 1입니다. VirtualBox와 ' +
        'VMware Workstation은 Windows·macOS·Linux 같은 호스트 OS 위에서 실행되는 Type 2입니다.',
      'Xen, Hyper-V, KVM and VMware ESXi run directly on the hardware (Type ' +
        '1). VirtualBox and VMware Workstation run on a host OS such as Windows, ' +
        'macOS or Linux (Type 2).',
    ),
  },
  {
    id: 'q-t1-005',
    topic: 'hypervisor-type1',
    type: 'single',
    timeLimitS: 20,
    prompt: bi(
      'KVM 호스트에서 실행 중인 VM 하나는 리눅스에게 무엇으로 보일까요?',
      'On a KVM host, what does one running VM look like to Linux?',
    ),
    options: [
      bi('리눅스 스케줄러가 관리하는 일반 프로세스(QEMU)', 'An ordinary process (QEMU) managed by the Linux scheduler'),
      bi('리눅스 아래에서 하드웨어를 제어하는 별도의 OS', 'A separate OS under Linux that controls the hardware'),
      bi('Docker 컨테이너', 'A Docker container'),
      bi('리눅스와 상관없이 펌웨어에서 도는 프로그램', 'A program running in firmware, outside Linux'),
    ],
    correct: 0,
    explanation: bi(
      'KVM은 리눅스 커널을 하이퍼바이저로 만들고, VM 하나는 QEMU 프로세스 하나로, 그 vCPU들은 프로세스의 스레드로 ' +
        '실행됩니다. 그래서 리눅스의 스케줄러, 메모리 관리, cgroups를 VM에도 그대로 쓸 수 있습니다. 하드웨어를 직접 다루는 ' +
        '것이 리눅스 커널 자체이므로 KVM은 Type 1으로 분류됩니다.',
      'KVM turns the Linux kernel into the hypervisor: each VM runs as one ' +
        "QEMU process and its vCPUs as that process's threads, so Linux's " +
        'scheduler, memory management and cgroups apply to VMs as they are. The ' +
        'Linux kernel itself drives the hardware, which is why KVM is classified ' +
        'as Type 1.',
    ),
  },
  {
    id: 'q-t1-006',
    topic: 'hypervisor-type1',
    type: 'matching',
    timeLimitS: 45,
    prompt: bi('Xen 구성 요소와 역할을 짝지으세요.', 'Match each part of Xen with its role.'),
    left: [
      bi('Xen 하이퍼바이저', 'Xen hypervisor'),
      bi('Dom0', 'Dom0'),
      bi('DomU', 'DomU'),
      bi('하이퍼콜', 'Hypercall'),
    ],
    right: [
      bi('권한이 없는 일반 게스트 VM', 'An unprivileged ordinary guest VM'),
      bi(
        '반가상화 게스트가 하이퍼바이저를 직접 부르는 호출',
        "A para-virtualized guest's direct call into the hypervisor",
      ),
      bi(
        '하드웨어 위에서 CPU와 메모리를 게스트에 나눠 줌',
        'Runs on the hardware and shares CPU and memory among guests',
      ),
      bi('드라이버와 관리 도구를 가진 특권 게스트', 'The privileged guest with drivers and management tools'),
    ],
    pairs: [2, 3, 0, 1],
    explanation: bi(
      'Xen 하이퍼바이저는 하드웨어 위에서 CPU와 메모리를 관리하고, Dom0는 드라이버와 관리 도구를 가진 특권 게스트, ' +
        'DomU는 일반 게스트입니다. 반가상화 게스트는 특권 명령 대신 하이퍼콜로 하이퍼바이저를 직접 부릅니다.',
      'The Xen hypervisor runs on the hardware and manages CPU and memory; ' +
        'Dom0 is the privileged guest with drivers and tools; DomU are ordinary ' +
        'guests. Para-virtualized guests replace privileged instructions with ' +
        'hypercalls into the hypervisor.',
    ),
  },
  {
    id: 'q-t1-007',
    topic: 'hypervisor-type1',
    type: 'single',
    timeLimitS: 20,
    prompt: bi(
      'Type 1 하이퍼바이저는 호스트 OS가 없어 오버헤드가 적습니다. 그 대가로 필요한 것은?',
      'A Type 1 hypervisor has no host OS, hence less overhead. What does it need in exchange?',
    ),
    options: [
      bi(
        '서버 하드웨어를 위한 드라이버(하이퍼바이저나 특권 게스트가 제공)',
        'Drivers for the server hardware (from the hypervisor or a privileged guest)',
      ),
      bi('모든 게스트 OS의 커널 수정', 'Every guest OS kernel modified'),
      bi('게스트마다 별도의 물리 서버', 'A separate physical server per guest'),
      bi('인터넷 연결', 'An internet connection'),
    ],
    correct: 0,
    explanation: bi(
      '호스트 OS의 드라이버를 빌려 쓰는 Type 2와 달리, Type 1은 NIC·디스크 컨트롤러 같은 하드웨어 드라이버를 ' +
        '스스로(ESXi) 또는 특권 게스트를 통해(Xen의 Dom0, Hyper-V의 루트 파티션) 갖춰야 합니다. 게스트 커널 수정은 ' +
        '반가상화에서만 필요합니다.',
      "Unlike Type 2, which borrows the host OS's drivers, Type 1 must provide " +
        'drivers for NICs, disk controllers and so on, either itself (ESXi) or ' +
        "through a privileged guest (Xen's Dom0, Hyper-V's root partition). " +
        'Modified guest kernels are only needed for para-virtualization.',
    ),
  },
  {
    id: 'q-t1-008',
    topic: 'hypervisor-type1',
    type: 'multi',
    timeLimitS: 30,
    prompt: bi(
      '퍼블릭 클라우드가 VM을 돌리는 데 써 온 하이퍼바이저를 모두 고르세요.',
      'Select every hypervisor that public clouds have used to run their VMs.',
    ),
    options: [
      bi('Xen(초기 AWS EC2)', 'Xen (early AWS EC2)'),
      bi('KVM(Google Compute Engine, AWS Nitro의 바탕)', 'KVM (Google Compute Engine, the basis of AWS Nitro)'),
      bi('VirtualBox', 'VirtualBox'),
      bi('VMware Workstation', 'VMware Workstation'),
      bi('Docker', 'Docker'),
    ],
    correct: [0, 1],
    explanation: bi(
      'AWS EC2는 처음에 Xen을 썼고, 지금의 Nitro 하이퍼바이저는 KVM을 바탕으로 합니다. Google Compute ' +
        'Engine도 KVM을 씁니다. 클라우드는 성능과 밀도가 중요해서 하드웨어 위에서 직접 도는 Type 1 하이퍼바이저를 씁니다. ' +
        'VirtualBox와 VMware Workstation은 데스크톱용 Type 2이고, Docker는 하이퍼바이저가 아니라 ' +
        '컨테이너 도구입니다.',
      "AWS EC2 started on Xen, and today's Nitro hypervisor is based on KVM; " +
        'Google Compute Engine uses KVM too. Clouds need performance and ' +
        'density, so they run Type 1 hypervisors directly on the hardware. ' +
        'VirtualBox and VMware Workstation are desktop Type 2 hypervisors, and ' +
        'Docker is not a hypervisor but a container tool.',
    ),
  },

  // ------------------------------------------------------------ hypervisor-type2
  {
    id: 'q-t2-001',
    topic: 'hypervisor-type2',
    type: 'ordering',
    timeLimitS: 40,
    prompt: bi(
      'Type 2(호스트형) 하이퍼바이저 구조를 아래층부터 순서대로 나열하세요.',
      'Order the layers of a Type 2 (hosted) hypervisor stack, bottom first.',
    ),
    items: [
      bi('물리 하드웨어', 'Physical hardware'),
      bi('호스트 OS(예: Windows, macOS)', 'Host OS (e.g. Windows, macOS)'),
      bi('Type 2 하이퍼바이저(예: VirtualBox)', 'Type 2 hypervisor (e.g. VirtualBox)'),
      bi('게스트 OS', 'Guest OS'),
      bi('애플리케이션', 'Application'),
    ],
    explanation: bi(
      '호스트형은 하드웨어 → 호스트 OS → 하이퍼바이저 → 게스트 OS → 앱 순서입니다. 하이퍼바이저가 호스트 OS 위의 ' +
        '프로그램으로 실행되므로, 게스트의 요청이 호스트 OS까지 거쳐 가서 Type 1보다 오버헤드가 큽니다.',
      'A hosted stack is hardware -> host OS -> hypervisor -> guest OS -> app. ' +
        'The hypervisor runs as a program on the host OS, so guest requests also ' +
        'pass through the host OS, which costs more than Type 1.',
    ),
  },
  {
    id: 'q-t2-002',
    topic: 'hypervisor-type2',
    type: 'multi',
    timeLimitS: 30,
    prompt: bi(
      'Type 2(호스트형) 하이퍼바이저에 대한 설명으로 옳은 것을 모두 고르세요.',
      'Select every true statement about a Type 2 (hosted) hypervisor.',
    ),
    options: [
      bi(
        'Windows·macOS·리눅스에 일반 프로그램처럼 설치한다',
        'It installs like an ordinary application on Windows, macOS or Linux',
      ),
      bi(
        '게스트의 디스크·네트워크 I/O가 호스트 OS의 드라이버를 거친다',
        "Guests' disk and network I/O passes through the host OS's drivers",
      ),
      bi(
        '호스트 OS가 없으므로 하드웨어 드라이버를 스스로 갖춰야 한다',
        'There is no host OS, so it must bring its own hardware drivers',
      ),
      bi(
        '호스트 OS에서 도는 다른 프로그램과 CPU·메모리를 두고 다투지 않는다',
        "It never competes for CPU and memory with the host OS's other programs",
      ),
      bi('게스트 OS의 커널을 반드시 수정해야 한다', 'The guest OS kernel must be modified'),
    ],
    correct: [0, 1],
    explanation: bi(
      'Type 2는 호스트 OS 위에서 프로그램으로 실행되므로 호스트 OS의 드라이버를 빌려 쓰고, 그만큼 게스트의 I/O가 한 ' +
        '단계를 더 거칩니다. 브라우저나 백신 같은 호스트 OS의 다른 프로그램과 자원을 나눠 쓰는 것도 특징입니다. 드라이버를 스스로 ' +
        '갖춰야 하는 것은 Type 1이고, 게스트 커널 수정은 반가상화의 조건일 뿐 하이퍼바이저 종류와는 관계가 없습니다.',
      'A Type 2 hypervisor runs as a program on a host OS: it borrows the host ' +
        "OS's drivers, so guest I/O takes one more step, and it shares the " +
        "machine with the host OS's other programs (browser, antivirus...). " +
        'Bringing its own drivers is what Type 1 must do, and a modified guest ' +
        'kernel is a condition of para-virtualization, unrelated to the ' +
        'hypervisor type.',
    ),
  },
  {
    id: 'q-t2-003',
    topic: 'hypervisor-type2',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      'Type 2 하이퍼바이저는 일반 노트북의 OS 위에 설치해 VM을 돌릴 수 있다.',
      "A Type 2 hypervisor can be installed on an ordinary laptop's OS to run VMs.",
    ),
    correct: true,
    explanation: bi(
      '참입니다. 호스트형은 이미 있는 OS 위에 프로그램처럼 설치하므로 데스크톱이나 노트북에서도 쓸 수 있고, 게스트 OS 종류에도 제약이 거의 없습니다. 대신 Type 1보다 오버헤드가 큽니다.',
      'True. A hosted hypervisor installs like a program on the existing OS, ' +
        'so it works on desktops and laptops and runs almost any guest OS; it ' +
        'costs more overhead than Type 1.',
    ),
  },
  {
    id: 'q-t2-004',
    topic: 'hypervisor-type2',
    type: 'single',
    timeLimitS: 20,
    prompt: bi(
      '같은 게스트를 같은 방식으로 가상화할 때 Type 2 하이퍼바이저가 Type 1보다 느린 이유는?',
      'Virtualizing the same guest the same way, why is a Type 2 hypervisor slower than Type 1?',
    ),
    options: [
      bi(
        '게스트의 요청이 하이퍼바이저뿐 아니라 호스트 OS도 거쳐 가기 때문',
        'Guest requests pass through the host OS as well as the hypervisor',
      ),
      bi('게스트 커널을 수정해야 하기 때문', 'The guest kernel must be modified'),
      bi('컨테이너 런타임을 쓰기 때문', 'It uses a container runtime'),
      bi('VM마다 물리 CPU를 하나씩만 쓸 수 있기 때문', 'Each VM may use only one physical CPU'),
    ],
    correct: 0,
    explanation: bi(
      'Type 2는 호스트 OS 위의 프로그램이라 게스트의 I/O가 하이퍼바이저를 지나 호스트 OS의 드라이버까지 거쳐 가고, 호스트 ' +
        'OS의 다른 프로그램과 CPU·메모리도 나눠 씁니다. 얼마나 느려지는지는 작업 종류와 가상화 방식에 따라 크게 다릅니다. 계산만 ' +
        '하는 작업은 차이가 작고, I/O가 많을수록 차이가 커집니다.',
      'A Type 2 hypervisor is a program on a host OS: guest I/O passes through ' +
        "the hypervisor and then the host OS's drivers, and the host OS's other " +
        'programs share the CPU and memory. How much slower depends heavily on ' +
        'the work and on how the guest is virtualized: pure computation loses ' +
        'little, I/O-heavy work loses more.',
    ),
  },
  {
    id: 'q-t2-005',
    topic: 'hypervisor-type2',
    type: 'single',
    timeLimitS: 30,
    prompt: bi(
      'Xen 논문(2003)에서 VMware Workstation은 SPECweb99에서 물리 성능의 1/3도 내지 못했고, Xen은 1% 이내였습니다. 이 결과로 정확히 말할 수 있는 것은?',
      'In the Xen paper (2003) VMware Workstation served under a third of ' +
        'native SPECweb99 clients, while Xen stayed within 1%. What does this ' +
        'result accurately show?',
    ),
    options: [
      bi(
        '호스트형 전가상화(바이너리 변환)와 Type 1 반가상화의 차이라서, 하이퍼바이저 종류만의 효과로 볼 수 없다',
        'It compares hosted full virtualization (binary translation) with Type 1 ' +
          'para-virtualization, so the gap is not the effect of the type alone',
      ),
      bi('Type 2라는 이유만으로 성능의 2/3를 잃는다', 'Being Type 2 alone costs two thirds of the performance'),
      bi('반가상화는 전가상화보다 느리다', 'Para-virtualization is slower than full virtualization'),
      bi(
        '오늘날의 모든 Type 2 하이퍼바이저도 물리 성능의 1/3만 낸다',
        'Every Type 2 hypervisor today also reaches only a third of native',
      ),
    ],
    correct: 0,
    explanation: bi(
      '두 시스템은 두 가지가 달랐습니다. VMware Workstation은 호스트 OS 위에서 돌며(Type 2) 수정하지 않은 ' +
        '게스트를 바이너리 변환으로 전가상화했고, Xen은 하드웨어 위에서(Type 1) 수정한 게스트를 반가상화했습니다(Barham ' +
        '외, SOSP 2003). 따라서 이 차이는 종류와 가상화 방식이 합쳐진 결과입니다. 또 CPU의 가상화 ' +
        '지원(VT-x·AMD-V)이 나오기 전의 측정이라 오늘날의 Type 2에 그대로 옮길 수도 없습니다.',
      'The two systems differed in two ways: VMware Workstation ran on a host ' +
        'OS (Type 2) and fully virtualized an unmodified guest by binary ' +
        'translation, while Xen ran on the hardware (Type 1) with a modified, ' +
        'para-virtualized guest (Barham et al., SOSP 2003). The gap is the two ' +
        'differences together. It was also measured before CPUs had ' +
        'virtualization support (VT-x, AMD-V), so it does not carry over to ' +
        "today's Type 2 hypervisors as it is.",
    ),
  },
  {
    id: 'q-t2-006',
    topic: 'hypervisor-type2',
    type: 'single',
    timeLimitS: 20,
    prompt: bi('Type 2 하이퍼바이저에 가장 잘 맞는 용도는?', 'Which use suits a Type 2 hypervisor best?'),
    options: [
      bi(
        '학생이 자기 노트북에서 Windows와 Linux 실습 VM을 돌리기',
        'A student running Windows and Linux practice VMs on their laptop',
      ),
      bi('데이터센터에서 VM 100개를 운영하는 서버', 'A data-centre server running 100 production VMs'),
      bi('초당 수천 건을 처리하는 운영 데이터베이스', 'A production database serving thousands of queries a second'),
      bi('클라우드 사업자의 멀티테넌트 호스트', "A cloud provider's multi-tenant host"),
    ],
    correct: 0,
    explanation: bi(
      '호스트형은 평소 쓰는 PC에 설치해 여러 OS를 실습하거나 테스트하기에 좋습니다. 성능과 밀도가 중요한 서버·운영 환경에는 Type 1(ESXi, Hyper-V, KVM, Xen)을 씁니다.',
      'Hosted hypervisors are ideal for trying several OSes on the PC you ' +
        'already use. Servers and production, where performance and density ' +
        'matter, use Type 1 (ESXi, Hyper-V, KVM, Xen).',
    ),
  },
  {
    id: 'q-t2-007',
    topic: 'hypervisor-type2',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      '같은 게스트를 같은 방식으로 가상화한다면 Type 1 하이퍼바이저는 Type 2보다 느리지 않다.',
      'Virtualizing the same guest the same way, a Type 1 hypervisor is at least as fast as a Type 2 one.',
    ),
    correct: true,
    explanation: bi(
      '참입니다. 다른 조건이 같으면 Type 2는 호스트 OS라는 층을 하나 더 지나므로 Type 1보다 빠를 수 없습니다. 차이의 ' +
        '크기는 작업마다 다릅니다. Phoronix의 측정에서 VirtualBox는 한 CPU 테스트에서 KVM보다 약 2배 느렸지만, ' +
        '이는 한 버전의 한 테스트 결과이지 모든 Type 2 하이퍼바이저에 대한 법칙은 아닙니다.',
      'True. All else equal, a Type 2 hypervisor adds the host OS as one more ' +
        'layer, so it cannot beat Type 1. How big the gap is depends on the ' +
        'work: Phoronix measured VirtualBox about 2x slower than KVM on one CPU ' +
        'test, one test of one version, not a law for every Type 2 hypervisor.',
    ),
  },
  {
    id: 'q-t2-008',
    topic: 'hypervisor-type2',
    type: 'numeric',
    timeLimitS: 40,
    prompt: bi(
      '메모리 16 GB인 노트북에서 Windows와 평소 쓰는 프로그램이 4 GB를 쓰고 있습니다. VirtualBox VM마다 메모리를 4 GB씩 준다면 VM을 최대 몇 개 띄울 수 있을까요?',
      'On a 16 GB laptop, Windows and the programs you normally use take 4 GB. ' +
        'Giving each VirtualBox VM 4 GB, how many VMs can run at most?',
    ),
    correct: 3,
    tolerance: 0,
    unit: bi('개', 'VMs'),
    explanation: bi(
      '(16 - 4) ÷ 4 = 3개입니다. Type 2 하이퍼바이저는 호스트 OS 위의 프로그램이라, 호스트 OS와 그 위의 다른 ' +
        '프로그램이 먼저 자기 몫을 쓰고 VM은 남은 메모리를 나눠 씁니다. 실제로는 VirtualBox 자체도 메모리를 쓰므로 여유를 ' +
        '더 두어야 합니다. Type 1 서버에는 이런 데스크톱 OS 몫이 없습니다.',
      '(16 - 4) ÷ 4 = 3 VMs. A Type 2 hypervisor is a program on a host OS: ' +
        'the host OS and its other programs take their share first, and the VMs ' +
        'split what is left. VirtualBox itself also uses some memory, so leave ' +
        'more room in practice. A Type 1 server carries no such desktop OS share.',
    ),
  },
];
