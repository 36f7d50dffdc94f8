// Questions on service models (IaaS / PaaS / SaaS), on-premise vs off-premise, and choosing a deployment.
import { bi, type BiQuestion } from './bilingual.js';

export const CLOUD_QUESTIONS: BiQuestion[] = [
  // ------------------------------------------------------------ service-models
  {
    id: 'q-sm-001',
    topic: 'service-models',
    type: 'matching',
    timeLimitS: 45,
    prompt: bi(
      '서비스 모델과 OS를 누가 관리하는지 짝지으세요.',
      'Match each service model with who manages the operating system.',
    ),
    left: [bi('온프레미스', 'On-premise'), bi('IaaS', 'IaaS'), bi('PaaS', 'PaaS'), bi('SaaS', 'SaaS')],
    right: [
      bi(
        '제공자가 OS와 런타임을 관리하고, 고객은 자기 앱과 설정만',
        'Provider runs the OS and runtime; you deploy your app and its settings',
      ),
      bi(
        '제공자가 애플리케이션까지 전부, 고객은 사용자 설정과 데이터만',
        'Provider runs the whole application; you keep user settings and your data',
      ),
      bi('고객이 건물·하드웨어부터 OS까지 전부', 'You: everything from the building and hardware up to the OS'),
      bi('고객이 OS부터 위쪽, 제공자는 하드웨어와 가상화', 'You: the OS and up; provider: hardware and virtualization'),
    ],
    pairs: [2, 3, 0, 1],
    explanation: bi(
      'NIST SP 800-145 정의에 따르면 IaaS 사용자는 OS를 포함한 어떤 소프트웨어든 직접 운영하고, PaaS 사용자는 ' +
        '제공자의 도구로 만든 앱만 배포하며 OS는 관리하지 않고, SaaS 사용자는 제공자의 앱을 쓰며 사용자별 설정만 바꿉니다. ' +
        '온프레미스는 NIST 모델이 아니며 고객이 모든 것을 소유하고 운영합니다.',
      'Per NIST SP 800-145, an IaaS consumer runs any software including the ' +
        "OS; a PaaS consumer deploys apps with the provider's tools and does not " +
        "manage the OS; a SaaS consumer uses the provider's application and " +
        'controls at most user settings. On-premise is not a NIST model: the ' +
        'customer owns and runs everything.',
    ),
  },
  {
    id: 'q-sm-002',
    topic: 'service-models',
    type: 'matching',
    timeLimitS: 40,
    prompt: bi('모델과 예시를 짝지으세요.', 'Match each model with an example.'),
    left: [bi('IaaS', 'IaaS'), bi('PaaS', 'PaaS'), bi('SaaS', 'SaaS'), bi('온프레미스', 'On-premise')],
    right: [
      bi('Google Docs', 'Google Docs'),
      bi('회사 자체 데이터센터(IDC)의 서버', "Servers in the company's own data centre"),
      bi('AWS EC2, 네이버 클라우드(NCP) 서버', 'AWS EC2, Naver Cloud (NCP) servers'),
      bi('Heroku', 'Heroku'),
    ],
    pairs: [2, 3, 0, 1],
    explanation: bi(
      'EC2·NCP 서버는 빈 방(인프라)만 빌려주는 IaaS, Heroku는 설치가 끝난 플랫폼을 주는 PaaS, Google ' +
        'Docs는 완성된 소프트웨어를 쓰는 SaaS, 자체 IDC는 온프레미스입니다.',
      'EC2 and NCP servers rent you bare infrastructure (IaaS), Heroku gives a ' +
        'ready platform (PaaS), Google Docs is finished software (SaaS), and the ' +
        "company's own IDC is on-premise.",
    ),
  },
  {
    id: 'q-sm-003',
    topic: 'service-models',
    type: 'ordering',
    timeLimitS: 35,
    prompt: bi(
      '고객이 직접 관리하는 범위가 넓은 것부터 좁은 것 순서로 나열하세요.',
      'Order by how much the customer manages, most first.',
    ),
    items: [bi('온프레미스', 'On-premise'), bi('IaaS', 'IaaS'), bi('PaaS', 'PaaS'), bi('SaaS', 'SaaS')],
    explanation: bi(
      '온프레미스는 모든 것, IaaS는 OS부터 위, PaaS는 앱과 설정, SaaS는 사용자 설정 정도만 고객이 관리합니다. 관리 범위가 좁아질수록 운영 부담은 줄지만 통제권과 유연성도 줄어듭니다.',
      'On-premise: everything; IaaS: the OS and up; PaaS: the app and its ' +
        'settings; SaaS: little more than user settings. Less to manage means ' +
        'less operating effort, but also less control and flexibility.',
    ),
  },
  {
    id: 'q-sm-004',
    topic: 'service-models',
    type: 'multi',
    timeLimitS: 30,
    prompt: bi(
      '고객이 OS를 직접 관리(설치·패치·설정)하는 모델을 모두 고르세요.',
      'Select every model in which the customer manages the OS (install, patch, configure).',
    ),
    options: [bi('온프레미스', 'On-premise'), bi('IaaS', 'IaaS'), bi('PaaS', 'PaaS'), bi('SaaS', 'SaaS')],
    correct: [0, 1],
    explanation: bi(
      '온프레미스와 IaaS에서는 고객이 OS를 관리합니다. PaaS와 SaaS에서는 제공자가 OS를 관리하므로, 에이전트·드라이버처럼 ' +
        'OS 제어가 필요한 워크로드는 IaaS나 온프레미스로 가야 합니다(NIST SP 800-145).',
      'On-premise and IaaS customers manage the OS. In PaaS and SaaS the ' +
        'provider does, so a workload that needs OS control (agents, drivers) ' +
        'must go to IaaS or on-premise (NIST SP 800-145).',
    ),
  },
  {
    id: 'q-sm-005',
    topic: 'service-models',
    type: 'multi',
    timeLimitS: 30,
    prompt: bi(
      'IaaS, PaaS, SaaS 어느 모델에서나 고객의 책임으로 남는 것을 모두 고르세요.',
      "Select everything that stays the customer's responsibility in every cloud model (IaaS, PaaS, SaaS).",
    ),
    options: [
      bi('자기 데이터', 'Its data'),
      bi('사용자 계정과 접근 권한(ID)', 'User accounts and access (identities)'),
      bi('자기 설정', 'Its configuration'),
      bi('물리 서버 관리', 'The physical servers'),
      bi('하이퍼바이저 패치', 'Patching the hypervisor'),
      bi('SaaS 애플리케이션 자체의 보안 패치', 'Security patches for the SaaS application itself'),
    ],
    correct: [0, 1, 2],
    explanation: bi(
      '공동 책임 모델에서 데이터, 계정·ID, 설정은 어떤 모델에서도 고객의 몫입니다(Microsoft, 클라우드 공동 책임). 물리 ' +
        '서버와 하이퍼바이저는 모든 클라우드 모델에서 제공자가 관리하고, SaaS에서는 애플리케이션 패치도 제공자의 몫입니다.',
      'In the shared responsibility model, data, accounts and identities, and ' +
        'configuration stay with the customer in every model (Microsoft, "Shared ' +
        'responsibility in the cloud"). The provider manages the physical ' +
        'servers and the hypervisor in all cloud models, and in SaaS it also ' +
        'patches the application.',
    ),
  },
  {
    id: 'q-sm-006',
    topic: 'service-models',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      'SaaS를 쓰는 고객도 서버 OS 보안 패치는 직접 해야 한다.',
      'A SaaS customer still has to patch the server OS itself.',
    ),
    correct: false,
    explanation: bi(
      '거짓입니다. SaaS에서는 제공자가 애플리케이션과 그 아래 OS·인프라를 모두 운영하고 패치합니다. 고객에게 남는 것은 데이터, 계정, 사용자 설정입니다.',
      'False. In SaaS the provider runs and patches the application and ' +
        'everything under it; the customer keeps its data, accounts and user ' +
        'settings.',
    ),
  },
  {
    id: 'q-sm-007',
    topic: 'service-models',
    type: 'single',
    timeLimitS: 20,
    prompt: bi('IaaS와 비교해 PaaS가 더 높은 것은?', 'Compared with IaaS, what is higher for PaaS?'),
    options: [
      bi('운영비 효율(관리할 것이 적음)', 'Operating-cost efficiency (less to manage)'),
      bi('유연성', 'Flexibility'),
      bi('이식성', 'Portability'),
      bi('OS에 대한 통제권', 'Control over the OS'),
    ],
    correct: 0,
    explanation: bi(
      'IaaS는 유연하고 특정 플랫폼에 묶이지 않아 이식성이 높지만 운영 부담이 큽니다. PaaS는 플랫폼에 종속되어 유연성과 ' +
        '이식성이 낮은 대신, 설치·모니터링·CI/CD를 제공자가 맡아 운영비 효율이 높습니다.',
      'IaaS is flexible and not tied to a platform, hence portable, but costly ' +
        'to operate. PaaS ties you to its platform (less flexible, less ' +
        'portable) but the provider handles installation, monitoring and CI/CD, ' +
        'so operating-cost efficiency is higher.',
    ),
  },
  {
    id: 'q-sm-008',
    topic: 'service-models',
    type: 'single',
    timeLimitS: 20,
    prompt: bi(
      '"필요한 옵션이 다 갖춰진 오피스텔"에 비유할 수 있는 모델은?',
      'Which model is like "a fully furnished flat": everything is already installed?',
    ),
    options: [
      bi('PaaS', 'PaaS'),
      bi('IaaS', 'IaaS'),
      bi('온프레미스', 'On-premise'),
      bi('전통적 배포', 'Traditional deployment'),
    ],
    correct: 0,
    explanation: bi(
      'IaaS는 빈 방을 빌려 Node.js나 Spring을 직접 설치하는 것, PaaS는 런타임과 DB가 설치되어 클릭만으로 쓰는 ' +
        '오피스텔에 비유할 수 있습니다. SaaS는 아예 완성된 서비스를 이용하는 것입니다.',
      'IaaS is renting an empty room and installing Node.js or Spring ' +
        'yourself; PaaS is the furnished flat where runtimes and databases are ' +
        'ready at a click; SaaS is using a finished service outright.',
    ),
  },
  {
    id: 'q-sm-009',
    topic: 'service-models',
    type: 'multi',
    timeLimitS: 30,
    prompt: bi(
      'PaaS(예: Heroku)에 앱을 올리면 제공자가 맡는 것을 모두 고르세요.',
      'Deploying an app on PaaS (e.g. Heroku), select everything the provider takes care of.',
    ),
    options: [
      bi('물리 서버', 'The physical servers'),
      bi('가상화 계층', 'The virtualization layer'),
      bi('OS 설치와 패치', 'Installing and patching the OS'),
      bi('언어 런타임(Node.js 등) 설치', 'Installing the language runtime (Node.js...)'),
      bi('네트워크와 스토리지 인프라', 'The network and storage infrastructure'),
      bi('앱 코드와 그 설정', "The app's code and its settings"),
    ],
    correct: [0, 1, 2, 3, 4],
    explanation: bi(
      'NIST SP 800-145에 따르면 PaaS 사용자는 제공자가 지원하는 언어와 도구로 만든 앱을 배포하고, 앱과 호스팅 환경 ' +
        '설정만 관리합니다. 그 아래의 네트워크, 서버, OS, 스토리지는 제공자의 몫입니다. 앱 코드와 설정, 그리고 데이터는 어떤 ' +
        '서비스 모델에서도 고객에게 남습니다.',
      'Per NIST SP 800-145, a PaaS consumer deploys apps built with the ' +
        "provider's languages and tools and manages only the apps and hosting " +
        'settings; the network, servers, OS and storage underneath are the ' +
        "provider's. The app's code, its settings and its data stay with the " +
        'customer in every service model.',
    ),
  },

  // ------------------------------------------------------------ on-prem
  {
    id: 'q-op-001',
    topic: 'on-prem',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      '온프레미스는 쓴 만큼만 돈을 내는(pay-as-you-go) 방식이다.',
      'On-premise means paying only for what you use (pay as you go).',
    ),
    correct: false,
    explanation: bi(
      '거짓입니다. 온프레미스는 자체 시설에 하드웨어를 사서(초기 자본 비용) 직접 운영하는 방식으로, 통제권은 가장 크지만 비용을 ' +
        '먼저 치릅니다. 쓴 만큼 내는 것은 AWS·NCP 같은 오프프레미스 클라우드의 특징입니다.',
      'False. On-premise means buying hardware for your own facility (capital ' +
        'cost up front) and running it yourself: full control, but you pay ' +
        'first. Paying as you go is what off-premise clouds such as AWS and NCP ' +
        'offer.',
    ),
  },
  {
    id: 'q-op-002',
    topic: 'on-prem',
    type: 'multi',
    timeLimitS: 30,
    prompt: bi(
      '워크로드를 온프레미스에 두는 타당한 이유를 모두 고르세요.',
      'Select every sound reason to keep a workload on-premise.',
    ),
    options: [
      bi(
        '회사 정책상 데이터를 자체 시설에만 두기로 했다',
        "Company policy keeps the data in the company's own facility",
      ),
      bi('현장 장비와 직접 연결된 하드웨어가 필요하다', 'It needs hardware wired to on-site equipment'),
      bi('하드웨어부터 전부 직접 통제해야 한다', 'It needs full control from the hardware up'),
      bi('데이터를 국내에 보관하라는 규정이 있다', 'A regulation requires the data to be stored in the country'),
      bi('초기 하드웨어 구입 비용이 없다', 'There is no up-front hardware cost'),
      bi('제공자가 OS 패치를 대신 해 준다', 'A provider patches the OS for you'),
    ],
    correct: [0, 1, 2],
    explanation: bi(
      '자체 시설에 두라는 내부 정책, 현장 장비 연결, 전체 스택 통제는 온프레미스를 고를 이유입니다. 반면 데이터를 국내에 ' +
        '보관하라는 규정(데이터 현지화)은 어느 나라에 저장하느냐의 문제라서, 국내 리전이 있는 클라우드로도 지킬 수 있습니다. 초기 ' +
        '비용이 없고 제공자가 패치해 주는 것은 클라우드(특히 PaaS·SaaS)의 장점입니다.',
      'An internal policy to keep data in your own facility, on-site equipment ' +
        'and control of the whole stack are reasons for on-premise. A rule that ' +
        'data be stored in the country (data residency) is about jurisdiction, ' +
        'so a cloud with a region in that country can meet it too. No up-front ' +
        'cost and provider patching are what the cloud (especially PaaS and ' +
        'SaaS) offers.',
    ),
  },
  {
    id: 'q-op-003',
    topic: 'on-prem',
    type: 'matching',
    timeLimitS: 40,
    prompt: bi('용어와 뜻을 짝지으세요.', 'Match each term with its meaning.'),
    left: [
      bi('온프레미스', 'On-premise'),
      bi('오프프레미스', 'Off-premise'),
      bi('자본 비용(CapEx)', 'Capital expense (CapEx)'),
      bi('종량제', 'Pay as you go'),
    ],
    right: [
      bi('제공자 자원을 쓴 만큼 나중에 지불', 'Paying afterwards for the provider resources you used'),
      bi('자체 시설(IDC)에서 직접 보유·운영', 'Owned and run in your own facility (IDC)'),
      bi('하드웨어를 미리 사는 데 드는 돈', 'Money spent buying hardware up front'),
      bi('제공자가 호스팅하고 인터넷으로 제공', 'Hosted by a provider and delivered over the internet'),
    ],
    pairs: [1, 3, 2, 0],
    explanation: bi(
      '온프레미스는 자체 IDC에서 네트워크 선부터 서버까지 직접 갖추는 방식(자본 비용), 오프프레미스는 AWS·NCP 같은 제공자가 호스팅하는 클라우드(종량제)입니다.',
      'On-premise means building everything yourself in your own IDC, from ' +
        'network cabling to servers (capital expense); off-premise is a ' +
        'provider-hosted cloud such as AWS or NCP (pay as you go).',
    ),
  },
  {
    id: 'q-op-004',
    topic: 'on-prem',
    type: 'single',
    timeLimitS: 20,
    prompt: bi(
      '자체 서버의 하드웨어가 고장 났습니다. 계속 동작하는 것은?',
      "Your own server's hardware fails. What keeps running?",
    ),
    options: [
      bi('IaaS·PaaS·SaaS로 옮겨 둔 워크로드', 'Workloads moved to IaaS, PaaS or SaaS'),
      bi('그 서버의 VM', 'The VMs on that server'),
      bi('그 서버의 컨테이너', 'The containers on that server'),
      bi('그 서버에 직접 설치한 프로그램', 'Programs installed straight on that server'),
    ],
    correct: 0,
    explanation: bi(
      '한 서버 안의 VM·컨테이너·프로그램은 모두 같은 하드웨어에 의존하므로 함께 멈춥니다. 클라우드에 둔 워크로드는 제공자의 다른 ' +
        '하드웨어에서 돌기 때문에 영향을 받지 않습니다. 온프레미스에서 대비하려면 다른 호스트로 옮길 수 있는 예비 자원이 필요합니다.',
      'VMs, containers and programs on one server all depend on its hardware ' +
        "and stop together; cloud workloads run on the provider's hardware and " +
        'carry on. To be ready on-premise, you need spare hosts to fail over to.',
    ),
  },
  {
    id: 'q-op-005',
    topic: 'on-prem',
    type: 'single',
    timeLimitS: 20,
    prompt: bi('다음 중 오프프레미스에 해당하는 것은?', 'Which of these is off-premise?'),
    options: [
      bi('AWS나 네이버 클라우드(NCP)에서 빌린 서버', 'A server rented from AWS or Naver Cloud (NCP)'),
      bi('회사 전산실의 서버', "A server in the company's machine room"),
      bi('본사 IDC에 둔 스토리지', "Storage in the head office's IDC"),
      bi('사무실 노트북의 VirtualBox VM', 'A VirtualBox VM on an office laptop'),
    ],
    correct: 0,
    explanation: bi(
      '오프프레미스는 다른 회사(클라우드 제공자)가 호스팅하고 인터넷으로 제공하는 인프라·플랫폼·소프트웨어입니다. 회사 건물 안의 서버와 노트북은 모두 온프레미스입니다.',
      'Off-premise means infrastructure, platforms or software hosted by ' +
        'another company (a cloud provider) and delivered over the internet. ' +
        "Servers and laptops inside the company's own buildings are on-premise.",
    ),
  },
  {
    id: 'q-op-006',
    topic: 'on-prem',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      '온프레미스에서는 네트워크 배선부터 서버, 데이터베이스 설치까지 고객이 직접 책임진다.',
      'On-premise, the customer is responsible for everything from network ' +
        'cabling to servers and database installation.',
    ),
    correct: true,
    explanation: bi(
      '참입니다. 온프레미스는 NIST 서비스 모델이 아니라, 고객이 건물과 하드웨어부터 모든 것을 소유하고 운영하는 방식입니다. 통제권이 가장 크고 운영 부담도 가장 큽니다.',
      'True. On-premise is not a NIST service model: the customer owns and ' +
        'runs everything from the building and hardware up, with the most ' +
        'control and the most operating effort.',
    ),
  },
  {
    id: 'q-op-007',
    topic: 'on-prem',
    type: 'numeric',
    timeLimitS: 45,
    prompt: bi(
      '예를 들어 같은 용량을 클라우드에서 빌리면 월 120만 원이고, 온프레미스로 하면 서버 구입비 2,400만 원에 운영비가 월 40만 원 든다고 합시다. 몇 개월을 쓰면 두 비용이 같아질까요?',
      'Say the same capacity costs 1.2 million won a month in the cloud, or ' +
        'on-premise 24 million won to buy the server plus 0.4 million won a ' +
        'month to run it. After how many months are the two costs equal?',
    ),
    correct: 30,
    tolerance: 0,
    unit: bi('개월', 'months'),
    explanation: bi(
      '온프레미스는 2,400 + 40 × 개월, 클라우드는 120 × 개월(만 원)이므로 80 × 개월 = 2,400에서 ' +
        '30개월입니다. 온프레미스는 처음에 큰 자본 비용을 치르고, 그 뒤로 오래 꾸준히 쓸수록 유리해집니다. 짧게 쓰거나 부하가 ' +
        '출렁이면 쓴 만큼 내는 클라우드가 유리합니다. 실제로는 전기, 공간, 인력, 장비 교체 주기까지 따져야 합니다.',
      'On-premise costs 24 + 0.4 × months and the cloud 1.2 × months (in ' +
        'million won), so 0.8 × months = 24 gives 30 months. On-premise pays a ' +
        'large capital cost up front and wins the longer and steadier the use; ' +
        'short or bursty use favours the pay-as-you-go cloud. A real comparison ' +
        'also counts power, space, staff and hardware refresh cycles.',
    ),
  },
  {
    id: 'q-op-008',
    topic: 'on-prem',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi('온프레미스에서도 VM과 컨테이너를 쓸 수 있다.', 'VMs and containers can be used on-premise too.'),
    correct: true,
    explanation: bi(
      '참입니다. 온프레미스와 오프프레미스는 하드웨어를 누가 어디에 두고 운영하느냐의 구분이고, VM이나 컨테이너는 워크로드를 어떻게 ' +
        '실행하느냐의 구분입니다. 자체 IDC에서 KVM이나 VMware로 VM을 돌리고 Kubernetes로 컨테이너를 운영하는 ' +
        '일(프라이빗 클라우드)은 흔합니다.',
      'True. On- versus off-premise is about who owns and runs the hardware, ' +
        'and where; VMs or containers are about how a workload runs. Running VMs ' +
        'on KVM or VMware and containers on Kubernetes in your own data centre ' +
        '(a private cloud) is common.',
    ),
  },
  {
    id: 'q-op-009',
    topic: 'on-prem',
    type: 'multi',
    timeLimitS: 30,
    prompt: bi(
      '온프레미스 서버 한 대가 통째로 고장 나는 경우(메인보드, 전원 등)에 대비하는 방법으로 옳은 것을 모두 고르세요.',
      'Select every way that actually prepares for one whole on-premise server failing (motherboard, power supply...).',
    ),
    options: [
      bi(
        '다른 호스트에 여유 자원을 두고, 고장 나면 VM을 그쪽에서 다시 띄운다(HA)',
        'Keep spare capacity on another host and restart the VMs there on failure (HA)',
      ),
      bi('같은 호스트에 VM을 하나 더 만들어 둔다', 'Create one more VM on the same host'),
      bi('같은 호스트에서 워크로드를 컨테이너로 바꾼다', 'Turn the workloads into containers on the same host'),
      bi('고장이 나면 라이브 마이그레이션으로 VM을 옮긴다', 'Live-migrate the VMs once the host has failed'),
      bi('디스크를 RAID로 묶는다', 'Put the disks in a RAID array'),
    ],
    correct: [0],
    explanation: bi(
      '한 호스트의 VM, 컨테이너, 프로그램은 모두 그 하드웨어에 기대므로 같은 호스트 안에서 무엇을 바꿔도 호스트 고장은 막지 ' +
        '못합니다. 라이브 마이그레이션은 원래 호스트가 살아 있어야 하고, RAID는 디스크 고장만 막을 뿐 메인보드나 전원 고장은 막지 ' +
        '못합니다. 온프레미스에서는 다른 호스트에 여유를 두고 HA로 VM을 다시 띄워야 하며, 그 예비 장비도 직접 사서 운영해야 ' +
        '합니다.',
      'VMs, containers and programs on one host all depend on its hardware, so ' +
        'nothing you change inside that host survives its failure. Live ' +
        'migration needs the source host alive, and RAID protects against a disk ' +
        'failure, not a failed motherboard or power supply. On-premise you need ' +
        'spare room on another host and HA to restart the VMs there, and you ' +
        'must buy and run that spare equipment yourself.',
    ),
  },
  {
    id: 'q-op-010',
    topic: 'on-prem',
    type: 'ordering',
    timeLimitS: 40,
    prompt: bi(
      '자체 IDC(온프레미스)에 새 서비스를 올리기까지의 순서를 나열하세요.',
      'Order the steps of bringing up a new service in your own data centre (on-premise).',
    ),
    items: [
      bi('서버와 네트워크 장비 견적을 받아 구매', 'Get quotes for and buy the servers and network gear'),
      bi('장비 입고, 랙 설치, 전원과 네트워크 배선', 'Receive the gear, rack it, wire power and network'),
      bi('하이퍼바이저나 OS 설치', 'Install the hypervisor or OS'),
      bi('VM과 서비스 배포', 'Deploy the VMs and the service'),
    ],
    explanation: bi(
      '온프레미스에서는 장비를 사서 들여놓고 배선하는 일부터 고객의 몫이라, 주문한 장비가 도착해야 나머지를 시작할 수 있습니다. ' +
        '클라우드(IaaS)에서는 앞의 두 단계를 제공자가 미리 해 두었기 때문에 VM을 바로 빌려 세 번째 단계부터 시작합니다. 그래서 ' +
        '갑작스러운 수요에는 클라우드가 빠르고, 오래 꾸준한 수요에는 온프레미스의 비용이 유리할 수 있습니다.',
      'On-premise, buying, installing and cabling the equipment is the ' +
        "customer's job, and nothing else can start until the ordered gear " +
        'arrives. In the cloud (IaaS) the provider has already done the first ' +
        'two steps, so you rent a VM and start at step three. That is why the ' +
        'cloud is faster for sudden demand, while on-premise can cost less for ' +
        'long, steady demand.',
    ),
  },

  // ------------------------------------------------------------ choosing
  {
    id: 'q-ch-001',
    topic: 'choosing',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      '컨테이너는 언제나 Firecracker 마이크로VM보다 빨리 시작된다.',
      'A container always starts faster than a Firecracker microVM.',
    ),
    correct: false,
    explanation: bi(
      '거짓입니다. 네임스페이스 생성 자체는 8~10 ms지만 docker run 전체는 약 0.6~1.2초였고(arXiv ' +
        '2602.15214), Firecracker 마이크로VM은 125 ms 이하로 초기화됩니다(Firecracker 명세). 완전한 ' +
        'VM(기본 KVM 7~9초, Depot 측정)보다는 둘 다 훨씬 빠릅니다.',
      'False. Creating namespaces takes 8-10 ms, but a whole docker run took ' +
        'about 0.6-1.2 s (arXiv 2602.15214), while a Firecracker microVM ' +
        'initialises in at most 125 ms (Firecracker specification). Both are far ' +
        'faster than a full VM (7-9 s on stock KVM, measured by Depot).',
    ),
  },
  {
    id: 'q-ch-002',
    topic: 'choosing',
    type: 'matching',
    timeLimitS: 45,
    prompt: bi(
      '워크로드와 가장 알맞은 배포 방식을 짝지으세요.',
      'Match each workload with the deployment that suits it best.',
    ),
    left: [
      bi('리눅스 서버에서 돌릴 Windows AD 도메인 컨트롤러', 'A Windows AD domain controller on a Linux server'),
      bi('빨리 떠야 하는, 고객이 올린 믿을 수 없는 함수', 'Untrusted customer functions that must start fast'),
      bi('트래픽이 출렁이는 무상태 웹 계층', 'A stateless web tier with bursty traffic'),
      bi('직원용 오피스 도구', 'An office suite for staff'),
    ],
    right: [
      bi('SaaS', 'SaaS'),
      bi('오케스트레이터가 관리하는 컨테이너', 'Containers managed by an orchestrator'),
      bi('Type 1 하이퍼바이저 위의 전가상화 VM', 'A fully virtualized VM on a Type 1 hypervisor'),
      bi('마이크로VM(Firecracker)', 'MicroVMs (Firecracker)'),
    ],
    pairs: [2, 3, 1, 0],
    explanation: bi(
      'Windows는 리눅스 커널을 공유할 수 없고 커널도 수정할 수 없으니 전가상화 VM, 믿을 수 없는 코드는 커널을 공유하지 ' +
        '않으면서 125 ms 이하로 뜨는 마이크로VM(Firecracker 명세), 출렁이는 웹 계층은 빠르게 늘어나는 컨테이너, 이미 ' +
        '있는 오피스 도구는 SaaS가 알맞습니다.',
      'Windows cannot share a Linux kernel or be modified: a fully virtualized ' +
        'VM. Untrusted code: a microVM, with its own kernel yet ready in at most ' +
        '125 ms (Firecracker specification). A bursty web tier: containers that ' +
        'scale out fast. A ready-made office suite: SaaS.',
    ),
  },
  {
    id: 'q-ch-003',
    topic: 'choosing',
    type: 'matching',
    timeLimitS: 45,
    prompt: bi(
      '사건과 그 사건이 가장 크게 피해를 주는 대상을 짝지으세요.',
      'Match each event with what it hurts most.',
    ),
    left: [
      bi('runc 컨테이너 탈출 취약점(CVE-2019-5736)', 'A runc container-escape flaw (CVE-2019-5736)'),
      bi('시끄러운 이웃', 'Noisy neighbour'),
      bi('호스트 하드웨어 고장', 'Host hardware failure'),
      bi('한 VM의 게스트 커널 패닉', "A kernel panic in one VM's guest OS"),
    ],
    right: [
      bi('그 VM 하나', 'That one VM'),
      bi('그 호스트에서 runc로 실행한 컨테이너들', 'The containers run by runc on that host'),
      bi('그 호스트의 온프레미스 워크로드 전부', 'Every on-premise workload on that host'),
      bi('한 OS에 나란히 설치한 프로그램들', 'Programs installed side by side on one OS'),
    ],
    pairs: [1, 3, 2, 0],
    explanation: bi(
      'runc는 컨테이너 런타임이라, 컨테이너 없이 OS에 프로그램만 설치한 서버는 이 취약점에 노출되지 않습니다(커널 취약점이었다면 ' +
        '둘 다 노출됩니다). 한 컨테이너가 탈출하면 같은 호스트에서 runc로 실행한 다른 컨테이너들이 가장 먼저 위험해집니다. ' +
        '시끄러운 이웃은 격리 없이 한 OS를 나눠 쓰는 프로그램에게 가장 크고(VM끼리는 2~4%, Barham 외, SOSP ' +
        '2003), 하드웨어 고장은 그 호스트의 모든 것을 멈추며, 게스트 커널 패닉은 그 VM 안에 머뭅니다.',
      'runc is the container runtime, so a server with programs installed ' +
        'straight on the OS and no containers is not exposed to this flaw (a ' +
        'kernel flaw would expose both). When one container escapes, the other ' +
        'containers runc runs on that host are the first at risk. A noisy ' +
        'neighbour hurts programs sharing one unisolated OS most (between VMs ' +
        '2-4%, Barham et al., SOSP 2003); a hardware failure stops everything on ' +
        'that host; a guest kernel panic stays inside its VM.',
    ),
  },
  {
    id: 'q-ch-004',
    topic: 'choosing',
    type: 'multi',
    timeLimitS: 30,
    prompt: bi(
      '컨테이너보다 VM을 고를 이유가 되는 것을 모두 고르세요.',
      'Select every reason to choose a VM over a container.',
    ),
    options: [
      bi(
        '호스트와 다른 OS(예: 리눅스 호스트의 Windows)가 필요하다',
        'It needs a different OS from the host (e.g. Windows on a Linux host)',
      ),
      bi('자체 커널 모듈이나 커스텀 커널이 필요하다', 'It needs its own kernel module or a custom kernel'),
      bi('믿을 수 없는 코드를 실행해 더 강한 격리가 필요하다', 'It runs untrusted code and needs a stronger boundary'),
      bi('1초 안에 여러 개로 늘어나야 한다', 'It must scale out within a second'),
      bi('서버 한 대에 최대한 많이 올려야 한다', 'As many as possible must fit on one server'),
    ],
    correct: [0, 1, 2],
    explanation: bi(
      '다른 OS, 자체 커널, 강한 격리가 필요하면 VM(또는 마이크로VM)이 맞습니다. 빠른 확장과 높은 밀도는 컨테이너의 ' +
        '강점입니다. 레거시·모놀리식 워크로드와 위험한 개발 환경 분리도 VM의 전형적인 용도입니다.',
      'A different OS, its own kernel or a stronger boundary call for a VM (or ' +
        'a microVM). Fast scale-out and high density are container strengths. ' +
        'Legacy monoliths and isolating risky development are other classic VM ' +
        'uses.',
    ),
  },
  {
    id: 'q-ch-005',
    topic: 'choosing',
    type: 'single',
    timeLimitS: 25,
    prompt: bi(
      '고객이 올린 믿을 수 없는 리눅스 코드를 요청마다 빨리 띄워야 합니다. 가장 알맞은 것은?',
      'Untrusted Linux code from customers must start quickly for every request. What fits best?',
    ),
    options: [
      bi('마이크로VM(Firecracker)', 'A microVM (Firecracker)'),
      bi('호스트에 직접 설치', 'Install it straight on the host'),
      bi('샌드박스 없는 일반 컨테이너', 'A plain, unsandboxed container'),
      bi('Windows 전가상화 VM', 'A fully virtualized Windows VM'),
    ],
    correct: 0,
    explanation: bi(
      'Firecracker는 125 ms 이하로 초기화되고, 에뮬레이트하는 장치가 5개뿐이며 Rust 약 5만 줄이라(QEMU는 ' +
        '140만 줄) 공격 표면이 작습니다(Agache 외, NSDI 2020). 게스트마다 커널이 따로 있어서, 한 고객의 커널 ' +
        '취약점이 다른 고객에게 번지려면 작은 VMM까지 뚫어야 합니다. AWS Lambda가 이 방식을 씁니다.',
      'Firecracker initialises in at most 125 ms, emulates only 5 devices and ' +
        'is about 50k lines of Rust (QEMU: 1.4M), so its attack surface is small ' +
        '(Agache et al., NSDI 2020). Each guest has its own kernel, so a kernel ' +
        'exploit reaches other customers only by also breaking the small VMM. ' +
        'AWS Lambda works this way.',
    ),
  },
  {
    id: 'q-ch-006',
    topic: 'choosing',
    type: 'numeric',
    timeLimitS: 30,
    prompt: bi(
      'Firecracker는 호스트 한 대에서 초당 최대 150개의 마이크로VM을 만들 수 있습니다. 1,500개를 만드는 데 최소 몇 초 걸릴까요?',
      'Firecracker can create up to 150 microVMs per second on one host. At ' +
        'least how many seconds does it take to create 1,500?',
    ),
    correct: 10,
    tolerance: 0,
    unit: bi('초', 's'),
    explanation: bi(
      '1,500 ÷ 150 = 10초입니다(Firecracker 명세). 기본 KVM VM은 하나 부팅에만 7~9초가 ' +
        '걸리므로(Depot 측정), 수많은 짧은 작업을 격리해서 돌리는 서버리스에는 마이크로VM이 알맞습니다.',
      '1,500 ÷ 150 = 10 s (Firecracker specification). A stock KVM VM needs ' +
        '7-9 s just to boot one (measured by Depot), which is why serverless ' +
        'platforms that isolate many short jobs use microVMs.',
    ),
  },
  {
    id: 'q-ch-007',
    topic: 'choosing',
    type: 'single',
    timeLimitS: 25,
    prompt: bi(
      '공개 웹사이트와 환자 기록 DB를 같은 호스트에 둬야 할까요? NIST SP 800-190의 권고는?',
      'Should a public website and a patient-records database share one host? What does NIST SP 800-190 advise?',
    ),
    options: [
      bi(
        '민감도가 다른 워크로드를 같은 호스트 커널에 섞지 않는다',
        'Do not mix workloads of different sensitivity on one host kernel',
      ),
      bi('컨테이너라면 어떻게 섞어도 안전하다', 'With containers any mix is safe'),
      bi('공개 웹사이트를 DB와 같은 컨테이너에 넣는다', 'Put the website in the same container as the database'),
      bi('민감한 데이터는 항상 SaaS로 보낸다', 'Always send sensitive data to SaaS'),
    ],
    correct: 0,
    explanation: bi(
      'NIST SP 800-190은 민감도가 다른 컨테이너를 같은 호스트 커널에 함께 두지 말라고 권고합니다. 커널 하나가 뚫리면 ' +
        '모두가 노출될 수 있기 때문입니다. 별도 호스트나 VM으로 나누세요. 데이터를 어디에 보관할지는 별개의 문제입니다. 법이 정하는 ' +
        '것은 대개 보관하는 나라(관할권)이고, 원내 서버에 둘지는 병원의 정책이 정합니다.',
      'NIST SP 800-190 advises against putting containers of different ' +
        'sensitivity on one host kernel: one kernel breach can expose them all. ' +
        'Split them across hosts or VMs. Where the data is stored is a separate ' +
        'question: laws usually name a country (jurisdiction), and whether it ' +
        "stays on the hospital's own servers is the hospital's policy.",
    ),
  },
  {
    id: 'q-ch-008',
    topic: 'choosing',
    type: 'single',
    timeLimitS: 25,
    prompt: bi(
      'gVisor 같은 샌드박스 컨테이너에서 가장 크게 느려지는 워크로드는?',
      'Which workload slows down most in a sandboxed container such as gVisor?',
    ),
    options: [
      bi('시스템 콜과 파일 열기·닫기가 아주 많은 작업', 'One making very many system calls and file opens/closes'),
      bi('메모리 안에서 하는 순수 계산', 'Pure computation in memory'),
      bi('가끔 요청을 받는 작은 웹 서비스', 'A small web service with occasional requests'),
      bi('아무것도 느려지지 않는다', 'Nothing slows down'),
    ],
    correct: 0,
    explanation: bi(
      'gVisor는 사용자 공간에서 도는 자체 커널(Sentry)이 시스템 콜을 대신 처리해 격리를 높이는 대신, 시스템 콜이 ' +
        '2.2~72배 느려지고 파일 열기·닫기가 매우 느립니다. 순수 계산은 거의 영향이 없습니다(Young 외, HotCloud ' +
        '2019).',
      'gVisor handles system calls in its own user-space kernel for stronger ' +
        'isolation, at a price: system calls 2.2x-72x slower and very slow file ' +
        'open/close, while pure computation is barely affected (Young et al., ' +
        'HotCloud 2019).',
    ),
  },
  {
    id: 'q-ch-009',
    topic: 'choosing',
    type: 'numeric',
    timeLimitS: 40,
    prompt: bi(
      'Linpack에서 물리 서버는 291 GFLOPS, 튜닝하지 않은 KVM VM은 241 GFLOPS였습니다. VM은 물리 서버의 몇 %일까요? (정수로)',
      'On Linpack, bare metal reached 291 GFLOPS and an untuned KVM VM 241 ' +
        'GFLOPS. What percentage of native is the VM? (whole number)',
    ),
    correct: 83,
    tolerance: 1,
    unit: bi('%', '%'),
    explanation: bi(
      '241 ÷ 291 ≈ 0.83, 즉 약 83%입니다. vCPU 고정과 캐시 구조 맞춤 같은 튜닝을 하면 98%까지 올라가고, ' +
        '컨테이너는 약 100%였습니다(Felter 외, IBM 2015). CPU 중심 작업이라면 튜닝한 VM도 충분히 빠릅니다.',
      '241 ÷ 291 ≈ 0.83: about 83%. Tuning (vCPU pinning, matching cache ' +
        'topology) raised it to 98%, and containers were about 100% (Felter et ' +
        'al., IBM 2015). For CPU-bound work a tuned VM is nearly as fast.',
    ),
  },
];
