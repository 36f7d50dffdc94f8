// Questions on the foundations: traditional deployment, virtualization in general, and virtual machines.
import { bi, type BiQuestion } from './bilingual.js';

export const FOUNDATION_QUESTIONS: BiQuestion[] = [
  // ------------------------------------------------------------ traditional
  {
    id: 'q-tr-001',
    topic: 'traditional',
    type: 'single',
    timeLimitS: 20,
    prompt: bi(
      '전통적 배포(서버 한 대, OS 하나에 여러 프로그램 설치)의 가장 큰 문제는 무엇일까요?',
      'What is the main problem of traditional deployment (one server, one OS, many programs installed on it)?',
    ),
    options: [
      bi(
        '프로그램끼리 서로 간섭하고, 한 프로그램이 자원을 독점하면 다른 프로그램이 느려진다',
        'Programs interfere with each other, and one that hogs resources slows the rest',
      ),
      bi('프로그램마다 게스트 OS를 따로 설치해야 한다', 'Every program needs its own guest OS'),
      bi('한 서버에서 프로그램을 두 개 이상 실행할 수 없다', 'A server cannot run more than one program'),
      bi('프로그램이 하드웨어에 직접 접근할 수 없다', 'Programs cannot reach the hardware at all'),
    ],
    correct: 0,
    explanation: bi(
      '모든 프로그램이 하나의 OS와 자원을 그대로 나눠 쓰기 때문에, 한 프로그램의 설치·설정이 다른 프로그램에 영향을 주고 CPU나 ' +
        '메모리를 독점하는 프로그램이 있으면 나머지가 느려집니다. 게스트 OS를 따로 두는 것은 가상 머신의 특징입니다.',
      'All programs share one OS and its resources directly, so installing or ' +
        'configuring one can break another, and one that monopolises CPU or ' +
        'memory slows the rest. A separate guest OS per workload is what a ' +
        'virtual machine adds.',
    ),
  },
  {
    id: 'q-tr-002',
    topic: 'traditional',
    type: 'multi',
    timeLimitS: 30,
    prompt: bi('전통적 배포 방식의 단점을 모두 고르세요.', 'Select every drawback of traditional deployment.'),
    options: [
      bi('한 프로그램의 동작이 다른 프로그램을 간섭할 수 있다', 'One program can interfere with another'),
      bi('특정 프로그램이 CPU·메모리를 독점할 수 있다', 'One program can monopolise CPU and memory'),
      bi('프로그램을 분리하려면 비싼 서버를 더 사야 한다', 'Separating programs means buying more, costly servers'),
      bi('프로그램마다 수 GB짜리 게스트 OS를 실어야 한다', 'Each program carries a guest OS of several GB'),
      bi(
        '커널 취약점이 생겨도 같은 서버의 다른 프로그램에는 영향이 없다',
        'A kernel flaw cannot affect the other programs on the server',
      ),
    ],
    correct: [0, 1, 2],
    explanation: bi(
      '간섭, 자원 독점, 그리고 이를 피하려고 서버를 더 사야 하는 비용이 전통적 배포의 단점입니다. 게스트 OS를 싣는 부담은 ' +
        'VM의 단점이고, 모든 프로그램이 한 커널 위에 있으므로 커널 취약점은 서버 전체에 영향을 줍니다.',
      'Interference, monopolised resources and the cost of buying more servers ' +
        'to avoid them are the drawbacks of traditional deployment. Carrying a ' +
        'guest OS is a VM cost, and since every program runs on the one kernel, ' +
        'a kernel flaw affects the whole server.',
    ),
  },
  {
    id: 'q-tr-003',
    topic: 'traditional',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      '한 OS 위에 함께 설치된 프로그램들도 VM처럼 "시끄러운 이웃"(자원을 마구 쓰는 프로그램)의 영향을 거의 받지 않는다.',
      'Programs installed together on one OS are shielded from a "noisy ' +
        'neighbour" (a resource-hungry program) as well as VMs are.',
    ),
    correct: false,
    explanation: bi(
      '거짓입니다. Xen 실험에서 자원을 마구 쓰는 이웃 VM은 다른 VM의 처리량을 2~4%만 떨어뜨렸지만, 같은 부하를 한 OS ' +
        '위에서 함께 돌리자 서버를 쓸 수 없는 수준이 되었습니다(Barham 외, SOSP 2003). 하이퍼바이저는 성능을 격리하지만 ' +
        '전통적 배포는 격리하지 않습니다.',
      "False. In the Xen study an antisocial neighbour VM cut the others' " +
        'throughput by only 2-4%, while the same load on a shared native host ' +
        'made it unusable (Barham et al., SOSP 2003). Hypervisors isolate ' +
        'performance; traditional deployment does not.',
    ),
  },
  {
    id: 'q-tr-004',
    topic: 'traditional',
    type: 'ordering',
    timeLimitS: 40,
    prompt: bi(
      '배포 방식이 발전해 온 순서대로 나열하세요(오래된 것부터).',
      'Put the ways of deploying software in historical order (oldest first).',
    ),
    items: [
      bi('서버 한 대의 OS 하나에 모든 프로그램을 설치', "All programs installed on one server's single OS"),
      bi(
        '간섭을 피하려고 프로그램마다 물리 서버를 따로 구입',
        'A separate physical server per program to avoid interference',
      ),
      bi(
        '하이퍼바이저가 서버 한 대를 여러 VM으로 논리적으로 분할',
        'A hypervisor splits one server logically into several VMs',
      ),
      bi('컨테이너 런타임이 하나의 커널 위에서 앱들을 격리', 'A container runtime isolates apps on one shared kernel'),
    ],
    explanation: bi(
      '전통적 배포의 간섭 문제를 서버 추가 구입으로 풀다가 비용이 커졌고, 하이퍼바이저가 한 서버를 여러 VM으로 나누면서 가상화 ' +
        '배포가 등장했습니다. 이후 게스트 OS 없이 커널을 공유하는 컨테이너 배포가 널리 쓰이게 되었습니다.',
      'Interference under traditional deployment was first solved by buying ' +
        'more servers, which was expensive; hypervisors then split one server ' +
        'into several VMs (virtualized deployment); later, container deployment ' +
        'dropped the guest OS and shared the host kernel.',
    ),
  },
  {
    id: 'q-tr-005',
    topic: 'traditional',
    type: 'numeric',
    timeLimitS: 30,
    prompt: bi(
      '16코어 서버에 전통적 방식으로 여러 프로그램을 설치했습니다. 한 프로그램이 폭주해 12코어를 독점하면, 나머지 모든 프로그램이 나눠 쓸 수 있는 코어는 몇 개일까요?',
      'A 16-core server runs several programs the traditional way. One program ' +
        'runs away and monopolises 12 cores. How many cores are left for all the ' +
        'other programs together?',
    ),
    correct: 4,
    tolerance: 0,
    unit: bi('코어', 'cores'),
    explanation: bi(
      '16 - 12 = 4코어입니다. 한 OS 위에서는 폭주한 프로그램을 다른 프로그램과 떼어 놓을 경계가 없어서, 나머지가 남은 ' +
        '4코어를 나눠 쓰며 모두 느려집니다. VM이나 cgroups 할당량을 쓰면 각 워크로드의 몫을 제한할 수 있습니다.',
      '16 - 12 = 4 cores. On one OS nothing fences off the runaway program, so ' +
        'everything else shares the 4 cores left and slows down. VMs, or cgroups ' +
        "quotas for containers, cap each workload's share.",
    ),
  },
  {
    id: 'q-tr-006',
    topic: 'traditional',
    type: 'single',
    timeLimitS: 20,
    prompt: bi(
      '가상화가 나오기 전, 여러 사용자나 서비스를 서로 확실히 격리하는 일반적인 방법은 무엇이었을까요?',
      'Before virtualization, what was the usual way to isolate several users or services from each other reliably?',
    ),
    options: [
      bi('서비스마다 물리 서버를 따로 두었다', 'Give each service its own physical server'),
      bi('서비스마다 컨테이너를 만들었다', 'Put each service in a container'),
      bi('하나의 서버에 Type 2 하이퍼바이저를 설치했다', 'Install a Type 2 hypervisor on one server'),
      bi('SaaS로 옮겼다', 'Move it all to SaaS'),
    ],
    correct: 0,
    explanation: bi(
      '하드웨어와 OS를 논리적으로 나눌 수 없었기 때문에 물리적으로 서버를 여러 대 두어 격리했습니다. 서버가 비싸고 대부분 놀고 있었다는 점이 가상화가 등장한 이유입니다.',
      'Hardware and OS could not be split logically, so isolation meant ' +
        'physically separate servers. Servers were costly and mostly idle, which ' +
        'is why virtualization took off.',
    ),
  },
  {
    id: 'q-tr-007',
    topic: 'traditional',
    type: 'multi',
    timeLimitS: 30,
    prompt: bi(
      '서버 한 대의 OS에 웹 서버와 DB를 함께 설치해 두었습니다. 웹 서버를 업데이트하려고 OS의 OpenSSL을 새 버전으로 바꾸자 DB가 시작되지 않습니다. 원인으로 옳은 것을 모두 고르세요.',
      "A web server and a database are installed on one server's OS. To update " +
        "the web server you replace the OS's OpenSSL with a new version, and now " +
        'the database will not start. Select every correct cause.',
    ),
    options: [
      bi(
        '두 프로그램이 OS에 설치된 같은 공유 라이브러리를 함께 쓴다',
        'Both programs use the same shared library installed on the OS',
      ),
      bi('웹 서버가 CPU를 독점했다', 'The web server monopolised the CPU'),
      bi('두 프로그램의 게스트 OS가 서로 다르다', 'The two programs run different guest OSes'),
      bi('하이퍼바이저가 DB를 멈췄다', 'The hypervisor stopped the database'),
      bi('서버의 디스크가 고장 났다', "The server's disk failed"),
    ],
    correct: [0],
    explanation: bi(
      '전통적 배포에서는 모든 프로그램이 OS에 설치된 라이브러리를 함께 씁니다. 그래서 한 프로그램을 위해 라이브러리 버전을 바꾸면 ' +
        '다른 프로그램이 깨질 수 있습니다(의존성 충돌). 여기서 원인은 자원 독점이나 고장이 아니라 설치와 설정의 간섭입니다. 게스트 ' +
        'OS나 하이퍼바이저는 전통적 배포에 없습니다. VM이나 컨테이너는 프로그램마다 Bins/Libs를 따로 가져 이 문제를 피합니다.',
      'In traditional deployment every program shares the libraries installed ' +
        'on the one OS, so changing a library version for one program can break ' +
        'another (a dependency conflict). The cause here is interference through ' +
        'installation and configuration, not hogged resources or a fault; ' +
        'traditional deployment has no guest OS or hypervisor at all. VMs and ' +
        'containers avoid this by giving each program its own bins/libs.',
    ),
  },
  {
    id: 'q-tr-008',
    topic: 'traditional',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      '전통적 배포에서 OS 보안 패치 때문에 서버를 재부팅하면, 그 서버의 모든 프로그램이 함께 멈춘다.',
      'Under traditional deployment, rebooting the server for an OS security patch stops every program on it at once.',
    ),
    correct: true,
    explanation: bi(
      '참입니다. 전통적 배포에서는 모든 프로그램이 OS 하나에 기대므로, OS를 패치하고 재부팅하는 동안 전부 멈추고 프로그램마다 ' +
        '작업 시간을 따로 잡을 수도 없습니다. 가상화를 쓰면 VM을 다른 호스트로 옮겨 두고 호스트를 패치할 수 있고, VM마다 게스트 ' +
        'OS를 따로 패치하는 시간을 정할 수 있습니다.',
      'True. Under traditional deployment every program depends on the one OS, ' +
        'so they all stop while it is patched and rebooted, and no program can ' +
        'get a maintenance window of its own. With virtualization you can move ' +
        "the VMs to another host while patching this one, and patch each VM's " +
        'guest OS on its own schedule.',
    ),
  },

  // ------------------------------------------------------------ virtualization
  {
    id: 'q-vz-001',
    topic: 'virtualization',
    type: 'numeric',
    timeLimitS: 30,
    prompt: bi(
      '메모리가 32 GB인 호스트에서 게스트 하나에 4 GB, 다른 게스트에 8 GB를 할당했습니다. 하이퍼바이저 자체가 쓰는 메모리는 없다고 치면, 호스트에 남는 메모리는 몇 GB일까요?',
      'A host with 32 GB of RAM gives 4 GB to one guest and 8 GB to another. ' +
        'Before hypervisor overhead, how many GB are left on the host?',
    ),
    correct: 20,
    tolerance: 0,
    unit: bi('GB', 'GB'),
    explanation: bi(
      '32 - 4 - 8 = 20 GB입니다. 게스트에 할당한 메모리는 호스트의 물리 메모리를 떼어 준 것이므로 그만큼 호스트에서 ' +
        '줄어듭니다. 실제로는 하이퍼바이저도 메모리를 조금 쓰기 때문에 20 GB보다 약간 적게 남습니다.',
      "32 - 4 - 8 = 20 GB. Memory given to a guest is carved out of the host's " +
        'physical memory, so the host has that much less; in practice a little ' +
        'less than 20 GB is left, because the hypervisor itself uses some memory.',
    ),
  },
  {
    id: 'q-vz-002',
    topic: 'virtualization',
    type: 'multi',
    timeLimitS: 30,
    prompt: bi('가상화의 장점을 모두 고르세요.', 'Select every benefit of virtualization.'),
    options: [
      bi(
        '같은 하드웨어에서 여러 OS를 동시에 실행할 수 있다(유연성)',
        'Flexibility: several OSes at once on the same hardware',
      ),
      bi(
        '설정만 바꿔 CPU·메모리를 늘리거나 옮길 수 있다(민첩성)',
        'Agility: resize or move CPU and memory by configuration',
      ),
      bi(
        '서버가 고장 나면 서비스를 다른 서버로 옮길 수 있다(내결함성)',
        'Fault tolerance: move services to another server when one fails',
      ),
      bi('물리 서버 수를 줄일 수 있다(비용 절감)', 'Lower cost: fewer physical servers'),
      bi('게스트가 물리 서버보다 빠르게 동작한다', 'Guests run faster than the bare-metal server'),
    ],
    correct: [0, 1, 2, 3],
    explanation: bi(
      '유연성, 민첩성, 내결함성, 비용 절감이 가상화의 장점입니다. 하지만 게스트는 호스트 자원을 쪼개 쓰므로 물리 서버보다 빠를 수 ' +
        '없습니다. 예를 들어 튜닝하지 않은 KVM VM은 CPU 성능이 물리 서버의 약 83%였습니다(Felter 외, IBM ' +
        '2015).',
      'Flexibility, agility, fault tolerance and lower cost are the benefits. ' +
        "Guests share the host's resources, so they cannot beat bare metal: an " +
        'untuned KVM VM reached about 83% of native CPU throughput (Felter et ' +
        'al., IBM 2015).',
    ),
  },
  {
    id: 'q-vz-003',
    topic: 'virtualization',
    type: 'single',
    timeLimitS: 20,
    prompt: bi('가상화를 가장 잘 설명한 것은?', 'Which best describes virtualization?'),
    options: [
      bi(
        '물리적인 자원(CPU, 메모리, 스토리지, 네트워크)을 논리적인 객체로 추상화하는 것',
        'Abstracting physical resources (CPU, memory, storage, network) into logical objects',
      ),
      bi('프로그램을 더 빠른 언어로 다시 작성하는 것', 'Rewriting programs in a faster language'),
      bi('여러 프로그램을 하나의 OS에 설치하는 것', 'Installing many programs on one OS'),
      bi('데이터를 인터넷으로 백업하는 것', 'Backing data up over the internet'),
    ],
    correct: 0,
    explanation: bi(
      '가상화는 물리 컴포넌트를 논리적인 객체로 추상화합니다. 장치 하나를 여러 개처럼 쓰거나, 여러 장치를 하나처럼 묶어 공유 자원으로 제공할 수 있어 클라우드 컴퓨팅의 핵심 기술이 됩니다.',
      'Virtualization abstracts physical components into logical objects: one ' +
        'device can act as many, or many as one shared pool. That is the core ' +
        'technology behind cloud computing.',
    ),
  },
  {
    id: 'q-vz-004',
    topic: 'virtualization',
    type: 'matching',
    timeLimitS: 45,
    prompt: bi(
      '가상화되는 자원과 그 방식을 짝지으세요.',
      'Match each virtualized resource with how it is virtualized.',
    ),
    left: [bi('CPU', 'CPU'), bi('메모리', 'Memory'), bi('스토리지', 'Storage'), bi('네트워크', 'Network')],
    right: [
      bi('가상 NIC를 가상 스위치에 연결', 'Virtual NICs attached to a virtual switch'),
      bi('vCPU를 물리 코어에 스케줄링', 'vCPUs scheduled onto physical cores'),
      bi('데이터스토어 위의 가상 디스크 파일', 'A virtual disk file on a datastore'),
      bi('게스트의 물리 메모리를 호스트 RAM에 매핑', 'Guest physical memory mapped onto host RAM'),
    ],
    pairs: [1, 3, 2, 0],
    explanation: bi(
      '가상화 대상은 CPU, 메모리, 스토리지, 네트워크 네 가지입니다. 하이퍼바이저는 vCPU를 물리 코어에 나눠 배치하고, 게스트 ' +
        '메모리를 호스트 RAM에 매핑하며, 디스크는 파일로, 네트워크 카드는 가상 스위치에 연결된 가상 NIC로 제공합니다.',
      'The four virtualized resources are CPU, memory, storage and network. ' +
        'The hypervisor schedules vCPUs onto cores, maps guest memory onto host ' +
        'RAM, stores disks as files and gives each guest virtual NICs on a ' +
        'virtual switch.',
    ),
  },
  {
    id: 'q-vz-005',
    topic: 'virtualization',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      '가상화는 장치 하나를 여러 개처럼 보이게 할 수도 있고, 여러 장치를 하나처럼 묶을 수도 있다.',
      'Virtualization can make one device look like many, and can also pool many devices to look like one.',
    ),
    correct: true,
    explanation: bi(
      '참입니다. 서버 한 대를 여러 VM으로 나누는 것이 "하나를 여럿으로", 여러 디스크를 하나의 스토리지 풀로 묶는 것이 "여럿을 하나로"의 예입니다.',
      'True. Splitting one server into several VMs is one-to-many; pooling ' +
        'many disks into one storage pool is many-to-one.',
    ),
  },
  {
    id: 'q-vz-006',
    topic: 'virtualization',
    type: 'numeric',
    timeLimitS: 40,
    prompt: bi(
      '평균 CPU 사용률이 10%인 물리 서버 20대를 VM으로 옮겨, 사용률 50%까지 쓰는 같은 사양의 호스트에 모으려 합니다. 호스트는 최소 몇 대 필요할까요?',
      'Twenty physical servers average 10% CPU use. You move them into VMs on ' +
        'hosts of the same size, run at up to 50% use. How many hosts do you ' +
        'need at least?',
    ),
    correct: 4,
    tolerance: 0,
    unit: bi('대', 'hosts'),
    explanation: bi(
      '전체 부하는 20 × 10% = 서버 2대 분량이고, 호스트 한 대에 50%까지 싣는다면 2 ÷ 0.5 = 4대입니다. 놀고 ' +
        '있던 서버를 통합해 물리 서버 수를 줄이는 것이 가상화의 비용 절감 효과입니다(가상화 오버헤드는 여기서 무시했습니다).',
      "The total load is 20 × 10% = two servers' worth; at 50% per host that " +
        'is 2 ÷ 0.5 = 4 hosts. Consolidating idle servers is how virtualization ' +
        'cuts cost (virtualization overhead ignored here).',
    ),
  },
  {
    id: 'q-vz-007',
    topic: 'virtualization',
    type: 'matching',
    timeLimitS: 45,
    prompt: bi('소프트웨어와 그 역할을 짝지으세요.', 'Match each piece of software with what it is.'),
    left: [
      bi('KVM', 'KVM'),
      bi('VirtualBox', 'VirtualBox'),
      bi('Firecracker', 'Firecracker'),
      bi('runc', 'runc'),
      bi('Kubernetes', 'Kubernetes'),
    ],
    right: [
      bi('컨테이너 오케스트레이터', 'Container orchestrator'),
      bi('리눅스 커널에 들어 있는 Type 1 하이퍼바이저', 'Type 1 hypervisor built into the Linux kernel'),
      bi('KVM 위에서 동작하는 마이크로VM 모니터', 'MicroVM monitor that runs on KVM'),
      bi('호스트 OS 위에서 동작하는 Type 2 하이퍼바이저', 'Type 2 hypervisor running on a host OS'),
      bi('저수준 OCI 컨테이너 런타임', 'Low-level OCI container runtime'),
    ],
    pairs: [1, 3, 2, 4, 0],
    explanation: bi(
      'KVM은 리눅스 커널 자체를 하이퍼바이저로 만들어 보통 Type 1으로 분류합니다. VirtualBox는 호스트 OS 위의 ' +
        'Type 2, Firecracker는 KVM을 이용하는 마이크로VM 모니터, runc는 컨테이너를 실제로 만드는 OCI 런타임, ' +
        'Kubernetes는 여러 노드의 컨테이너를 배치하고 확장하는 오케스트레이터입니다.',
      'KVM turns the Linux kernel itself into the hypervisor and is commonly ' +
        'classified Type 1. VirtualBox is a Type 2 hypervisor on a host OS, ' +
        'Firecracker a microVM monitor using KVM, runc the OCI runtime that ' +
        'actually creates containers, and Kubernetes the orchestrator that ' +
        'places and scales containers across nodes.',
    ),
  },
  {
    id: 'q-vz-008',
    topic: 'virtualization',
    type: 'single',
    timeLimitS: 20,
    prompt: bi('하이퍼바이저의 다른 이름은?', 'What is another name for a hypervisor?'),
    options: [
      bi('가상 머신 모니터(VMM)', 'Virtual machine monitor (VMM)'),
      bi('컨테이너 런타임', 'Container runtime'),
      bi('부트로더', 'Boot loader'),
      bi('로드 밸런서', 'Load balancer'),
    ],
    correct: 0,
    explanation: bi(
      '하이퍼바이저는 가상 머신 모니터(VMM)라고도 하며, 한 시스템에서 여러 가상 컴퓨터를 구동할 수 있게 해 주는 중간 ' +
        '계층입니다. 컨테이너 배포에서는 하이퍼바이저 자리를 컨테이너 런타임이 대신하지만, 둘은 같은 것이 아닙니다.',
      'A hypervisor is also called a virtual machine monitor (VMM): the layer ' +
        'that lets one system run several virtual computers. In container ' +
        'deployment a container runtime takes its place in the diagram, but the ' +
        'two are not the same thing.',
    ),
  },
  {
    id: 'q-vz-009',
    topic: 'virtualization',
    type: 'numeric',
    timeLimitS: 40,
    prompt: bi(
      '물리 코어가 16개인 호스트에 vCPU 4개짜리 VM 6개를 만들었습니다. 할당한 vCPU의 합은 물리 코어 수의 몇 배일까요?',
      'On a host with 16 physical cores you create six VMs with 4 vCPUs each. ' +
        'The vCPUs you assigned add up to how many times the physical cores?',
    ),
    correct: 1.5,
    tolerance: 0.01,
    unit: bi('배', 'times'),
    explanation: bi(
      '4 × 6 = 24 vCPU로 물리 코어 16개의 1.5배입니다. 가상화에서 vCPU는 물리 코어에 시간을 나눠 스케줄링되므로, ' +
        'VM들이 동시에 바쁘지 않다면 코어보다 많은 vCPU를 할당(오버커밋)해도 동작합니다. 모두가 한꺼번에 바빠지면 서로 차례를 ' +
        '기다리며 느려집니다. 메모리는 이렇게 시간으로 나눠 쓸 수 없어 오버커밋이 더 위험합니다.',
      '4 × 6 = 24 vCPUs, 1.5 times the 16 cores. In virtualization vCPUs are ' +
        'scheduled onto physical cores in time slices, so as long as the VMs are ' +
        'not all busy at once you can assign more vCPUs than cores (overcommit). ' +
        'When they all get busy together they wait for each other and slow down. ' +
        'Memory cannot be shared out in time slices like this, so overcommitting ' +
        'it is riskier.',
    ),
  },

  // ------------------------------------------------------------ vm
  {
    id: 'q-vm-001',
    topic: 'vm',
    type: 'single',
    timeLimitS: 20,
    prompt: bi(
      '같은 호스트에서 VM은 각자 가지고 있지만 컨테이너는 공유하는 것은?',
      'On one host, what does each VM have of its own that containers share?',
    ),
    options: [
      bi('커널(OS)', 'The kernel (OS)'),
      bi('애플리케이션 코드', 'The application code'),
      bi('라이브러리(Bins/Libs)', 'The libraries (bins/libs)'),
      bi('환경 변수', 'Environment variables'),
    ],
    correct: 0,
    explanation: bi(
      'VM은 App, Bins/Libs와 함께 커널을 포함한 게스트 OS를 통째로 가집니다. 컨테이너도 앱과 라이브러리는 따로 가지지만, 커널은 호스트의 것 하나를 공유합니다.',
      'A VM holds its app, its bins/libs and a whole guest OS with its own ' +
        'kernel. Containers also have their own app and libraries, but they all ' +
        "share the host's one kernel.",
    ),
  },
  {
    id: 'q-vm-002',
    topic: 'vm',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      'VM은 하이퍼바이저가 격리하므로 게스트에서 호스트로 탈출하는 공격은 불가능하다.',
      'Because a hypervisor isolates VMs, escaping from a guest to the host is impossible.',
    ),
    correct: false,
    explanation: bi(
      '거짓입니다. VENOM(CVE-2015-3456)은 QEMU의 가상 플로피 컨트롤러 버그로 게스트에서 호스트로 탈출할 수 ' +
        '있었습니다. 에뮬레이트하는 장치가 많을수록 공격 표면도 넓어집니다. VM의 경계가 컨테이너보다 강한 것은 맞지만 완벽하지는 ' +
        '않습니다.',
      "False. VENOM (CVE-2015-3456), a bug in QEMU's virtual floppy " +
        'controller, allowed a guest-to-host escape; the larger the emulated ' +
        'device model, the larger the attack surface. A VM boundary is stronger ' +
        "than a container's, not perfect.",
    ),
  },
  {
    id: 'q-vm-003',
    topic: 'vm',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      '한 VM의 게스트 OS에서 커널 패닉이 나도 같은 호스트의 다른 VM은 계속 동작한다.',
      "If one VM's guest OS has a kernel panic, the other VMs on the host keep running.",
    ),
    correct: true,
    explanation: bi(
      '참입니다. VM마다 독립된 가상 하드웨어와 커널을 가지므로 한 VM의 오류는 그 VM 안에 머뭅니다. 반면 컨테이너는 호스트 커널 하나를 공유하므로 커널이 멈추면 모든 컨테이너가 함께 멈춥니다.',
      'True. Each VM has its own virtual hardware and kernel, so a fault stays ' +
        "inside that VM. Containers share the host's one kernel: if it panics, " +
        'they all go down.',
    ),
  },
  {
    id: 'q-vm-004',
    topic: 'vm',
    type: 'ordering',
    timeLimitS: 40,
    prompt: bi(
      '워크로드 하나를 실행할 때 앱 자체 말고 추가로 드는 호스트 메모리가 작은 것부터 큰 것 순서로 나열하세요(VM은 Microsoft가 밝힌 최소 요구량 기준).',
      'Order these by the host memory one workload costs beyond the app ' +
        "itself, smallest first (VMs at Microsoft's stated minimums).",
    ),
    items: [
      bi(
        '호스트 OS에 바로 설치한 프로그램(추가 계층 없음)',
        'A program installed straight on the host OS (no extra layer)',
      ),
      bi('리눅스 컨테이너(런타임 shim 약 3 MB)', 'A Linux container (runtime shim, about 3 MB)'),
      bi(
        'GUI 없는 Server Core로 설치한 Windows Server VM(최소 512 MB)',
        'A Windows Server VM installed as Server Core, no GUI (512 MB minimum)',
      ),
      bi(
        '데스크톱 환경까지 설치한 Windows Server VM(최소 2 GB)',
        'A Windows Server VM with the Desktop Experience (2 GB minimum)',
      ),
    ],
    explanation: bi(
      '컨테이너는 게스트 OS 없이 몇 MB의 런타임 오버헤드만 더하지만(Stack Overflow 21799382), VM은 게스트 ' +
        'OS 전체를 메모리에 올립니다. 같은 Windows Server라도 GUI 없는 Server Core는 최소 512 MB, ' +
        '데스크톱 환경을 넣으면 최소 2 GB가 필요합니다(Microsoft, Windows Server 하드웨어 요구 사항). 둘 다 ' +
        '최소치이고 실제로는 더 씁니다. VM 밀도를 정하는 것은 게스트 OS가 차지하는 RAM입니다.',
      'A container adds only a few MB of runtime overhead (Stack Overflow ' +
        '21799382), while a VM holds a whole guest OS in memory. Even for the ' +
        'same Windows Server, Server Core (no GUI) needs at least 512 MB and the ' +
        'Desktop Experience at least 2 GB (Microsoft, "Hardware requirements for ' +
        'Windows Server"); both are minimums, real use is higher. The guest ' +
        "OS's RAM is what limits VM density.",
    ),
  },
  {
    id: 'q-vm-005',
    topic: 'vm',
    type: 'numeric',
    timeLimitS: 40,
    prompt: bi(
      '64 GB 호스트에 Ubuntu Server VM 3개를 만듭니다. 각 VM의 앱은 8 GB를 쓰고, 게스트 OS가 VM마다 2 ' +
        'GB를 더 씁니다. 하이퍼바이저 자체가 쓰는 메모리는 없다고 치면, 남는 메모리는 몇 GB일까요?',
      "You create three Ubuntu Server VMs on a 64 GB host. Each VM's app uses " +
        "8 GB, and each guest OS adds 2 GB. Leaving out the hypervisor's own " +
        'memory, how many GB are left?',
    ),
    correct: 34,
    tolerance: 0,
    unit: bi('GB', 'GB'),
    explanation: bi(
      'VM 하나가 8 + 2 = 10 GB이므로 3개면 30 GB, 남는 것은 64 - 30 = 34 GB입니다. 같은 앱을 ' +
        '컨테이너로 띄우면 게스트 OS 몫 6 GB가 거의 그대로 남습니다(컨테이너 오버헤드는 몇 MB).',
      'Each VM takes 8 + 2 = 10 GB, so three take 30 GB and 64 - 30 = 34 GB ' +
        'are left. As containers the same apps would save almost all 6 GB of ' +
        'guest OS (a container adds a few MB).',
    ),
  },
  {
    id: 'q-vm-006',
    topic: 'vm',
    type: 'numeric',
    timeLimitS: 40,
    prompt: bi(
      '128 GB 호스트에서 VM 하나가 앱 2 GB + 게스트 OS 2 GB를 씁니다. 하이퍼바이저 오버헤드를 무시하면 VM을 최대 몇 개 띄울 수 있을까요?',
      'On a 128 GB host each VM uses 2 GB for its app plus 2 GB for its guest ' +
        'OS. Ignoring hypervisor overhead, how many VMs fit at most?',
    ),
    correct: 32,
    tolerance: 0,
    unit: bi('개', 'VMs'),
    explanation: bi(
      '128 ÷ (2 + 2) = 32개입니다. 메모리의 절반이 게스트 OS 몫입니다. 같은 앱을 컨테이너로 띄우면 OS 몫이 거의 ' +
        '없어 약 64개가 들어가는데, 이는 Kubernetes가 권장하는 노드당 파드 110개보다 적으므로 여전히 메모리가 먼저 ' +
        '바닥납니다(Kubernetes 문서). 앱이 1 GB짜리라면 약 128개가 들어가고, 그때는 110개 한도에 먼저 걸립니다.',
      '128 ÷ (2 + 2) = 32 VMs: half the memory goes to guest OSes. As ' +
        "containers about 64 would fit, still under Kubernetes' recommended 110 " +
        'pods per node, so memory still runs out first (Kubernetes ' +
        'documentation). With 1 GB apps about 128 would fit, and then the ' +
        '110-pod limit binds first.',
    ),
  },
  {
    id: 'q-vm-007',
    topic: 'vm',
    type: 'multi',
    timeLimitS: 30,
    prompt: bi(
      '워크로드를 컨테이너 대신 완전한 VM으로 실행할 때 실제로 드는 비용을 모두 고르세요.',
      'Select every real cost of running a workload as a full VM instead of a container.',
    ),
    options: [
      bi('게스트 OS가 차지하는 0.5~2 GB의 메모리', '0.5-2 GB of memory for the guest OS'),
      bi('게스트 OS가 차지하는 수 GB의 디스크', 'Several GB of disk for the guest OS'),
      bi('부팅 시간(기본 KVM VM 7~9초)', 'Boot time (a stock KVM VM takes 7-9 s)'),
      bi('VM마다 게스트 OS를 따로 패치해야 함', 'Each guest OS must be patched on its own'),
      bi('Windows를 실행할 수 없음', 'It cannot run Windows'),
      bi('CPU 성능이 항상 절반으로 떨어짐', 'CPU throughput always halves'),
    ],
    correct: [0, 1, 2, 3],
    explanation: bi(
      'VM은 게스트 OS만큼의 메모리(0.5~2 GB, Microsoft·Ubuntu 문서)와 디스크(수 GB), 부팅 ' +
        '시간(Depot 측정), OS별 패치 부담을 집니다. 반대로 어떤 게스트 OS든 실행할 수 있고, CPU 손실은 튜닝 전 ' +
        '17%, 튜닝 후 2% 정도입니다(Felter 외, IBM 2015). 절반으로 떨어지는 것은 랜덤 디스크 I/O입니다.',
      'A VM pays a guest OS worth of memory (0.5-2 GB, Microsoft and Ubuntu ' +
        'documentation) and disk (GBs), boot time (measured by Depot) and per-OS ' +
        'patching. It can run any guest OS, and its CPU penalty is about 17% ' +
        'untuned, 2% tuned (Felter et al., IBM 2015); what halves is random disk ' +
        'I/O.',
    ),
  },
  {
    id: 'q-vm-008',
    topic: 'vm',
    type: 'matching',
    timeLimitS: 45,
    prompt: bi('VM 운영 기능과 그 기능이 하는 일을 짝지으세요.', 'Match each VM operation with what it does.'),
    left: [
      bi('스냅숏', 'Snapshot'),
      bi('라이브 마이그레이션', 'Live migration'),
      bi('템플릿 복제', 'Clone from a template'),
      bi('고가용성(HA) 재시작', 'High-availability (HA) restart'),
    ],
    right: [
      bi('미리 설치해 둔 VM 이미지로 새 VM을 찍어 낸다', 'Stamps out new VMs from a prepared, installed VM image'),
      bi('호스트가 고장 나면 그 VM을 다른 호스트에서 다시 부팅한다', "Reboots a failed host's VMs on another host"),
      bi(
        'VM의 특정 시점 상태를 저장해 두었다가 그 시점으로 되돌린다',
        "Saves a VM's state at a moment so you can roll back to it",
      ),
      bi('실행 중인 VM을 멈추지 않고 다른 호스트로 옮긴다', 'Moves a running VM to another host without stopping it'),
    ],
    pairs: [2, 3, 0, 1],
    explanation: bi(
      'VM은 통째로 파일과 메모리 상태로 다룰 수 있어서 저장(스냅숏), 이동(라이브 마이그레이션), 복제(템플릿)가 쉽습니다. ' +
        '가상화의 민첩성과 내결함성이 여기서 나옵니다. 다만 라이브 마이그레이션은 원래 호스트가 살아 있어야 가능합니다. 하드웨어가 고장 ' +
        '난 뒤에는 HA가 다른 호스트에서 VM을 다시 부팅할 뿐이고, 저장하지 않은 메모리 내용은 사라집니다.',
      'A whole VM can be handled as files plus a memory state, so it is easy ' +
        'to save (snapshot), move (live migration) and copy (template): that is ' +
        "where virtualization's agility and fault tolerance come from. Live " +
        'migration needs the source host alive, though; after a hardware failure ' +
        'HA can only reboot the VM on another host, and whatever was only in ' +
        'memory is lost.',
    ),
  },
];
