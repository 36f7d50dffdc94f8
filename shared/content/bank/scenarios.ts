// Race scenarios: a host, a deck of workload cards and scheduled events. Each teaches one idea.
// Decks are sorted by the cards' arrivesAtS (deckOf) so the arrival order is always consistent.
import { bi, type BiCard, type BiScenario } from './bilingual.js';
import { ALL_CARDS } from './cards.js';

const byId = new Map<string, BiCard>(ALL_CARDS.map((c) => [c.id, c]));

/** The deck in arrival order; throws on an unknown card id so a typo fails at load time in tests. */
function deckOf(ids: string[]): string[] {
  const arrival = (id: string): number => {
    const c = byId.get(id);
    if (!c) throw new Error(`scenario deck: unknown card ${id}`);
    return c.arrivesAtS ?? 0;
  };
  return [...ids].sort((a, b) => arrival(a) - arrival(b));
}

const LINUX_SERVER_32 = { cores: 32, ramGb: 128, diskGb: 2000, os: 'linux', machine: 'server' } as const;

export const CLASSROOM_SCENARIOS: BiScenario[] = [
  {
    id: 's-saas-startup',
    title: bi('멀티테넌트 SaaS 스타트업', 'Multi-tenant SaaS startup'),
    description: bi(
      '고객이 올린 코드를 우리 서버에서 실행합니다. 믿을 수 없는 코드와 고객 데이터가 같은 커널을 쓰면 커널 취약점 하나로 모두가 위험해집니다.',
      "Customers' uploaded code runs on our server. If untrusted code and " +
        'customer data share one kernel, a single kernel flaw puts everyone at ' +
        'risk.',
    ),
    host: LINUX_SERVER_32,
    deck: deckOf([
      'c-web-frontend',
      'c-tenant-plugins',
      'c-saas-api',
      'c-tenant-db',
      'c-ci-runners',
      'c-office-suite',
      'c-support-mail',
    ]),
    events: [
      { kind: 'traffic-spike', atS: 100 },
      { kind: 'kernel-cve', atS: 130 },
    ],
    randomEvents: 1,
    lengthS: 180,
  },
  {
    id: 's-hospital',
    title: bi('환자 기록을 원내에 두는 병원', 'Hospital that keeps its records in-house'),
    description: bi(
      '2016년부터 의료기록 관련 규정은 국내에 둔 장비라면 병원 밖 보관도 허용하지만, 이 병원은 정책상 환자 기록을 원내 서버에 ' +
        '둡니다. 무엇을 온프레미스에 두고 무엇을 클라우드로 보낼지 정하세요. 하드웨어 장애는 온프레미스만 멈춥니다.',
      'Since 2016 the medical-records rules allow storage outside the hospital ' +
        "on equipment kept in Korea, but this hospital's policy keeps patient " +
        'records on its own servers. Decide what stays on-premise and what can ' +
        'go to the cloud; a hardware failure only stops what is on-premise.',
    ),
    host: { cores: 48, ramGb: 256, diskGb: 4000, os: 'linux', machine: 'server' },
    deck: deckOf([
      'c-emr-db',
      'c-pacs-archive',
      'c-lab-gateway',
      'c-patient-portal',
      'c-staff-mail',
      'c-ward-scheduler',
      'c-backup-nightly',
    ]),
    events: [
      { kind: 'patch-day', atS: 100 },
      { kind: 'hardware-failure', atS: 140 },
    ],
    randomEvents: 1,
    lengthS: 180,
  },
  {
    id: 's-black-friday',
    title: bi('블랙프라이데이 쇼핑몰', 'Black Friday web shop'),
    description: bi(
      '자정이 되면 방문자가 폭증합니다. 몇 초 안에 늘어나야 하는 서비스와, 빠른 디스크 I/O가 필요한 DB가 CPU 32코어를 두고 다툽니다. 전부 VM으로는 들어가지 않습니다.',
      'At midnight the visitors pour in. Services that must scale out in ' +
        'seconds and a database that needs fast disk I/O compete for 32 cores: ' +
        'not everything fits as full VMs.',
    ),
    host: LINUX_SERVER_32,
    deck: deckOf([
      'c-shop-frontend',
      'c-catalog-cache',
      'c-checkout',
      'c-order-db',
      'c-recommender',
      'c-image-resizer',
      'c-campaign-site',
    ]),
    events: [
      { kind: 'traffic-spike', atS: 60 },
      { kind: 'noisy-neighbour', atS: 85 },
      { kind: 'traffic-spike', atS: 110 },
    ],
    randomEvents: 1,
    lengthS: 150,
  },
  {
    id: 's-grading-farm',
    title: bi('대학 과제 채점 서버', 'University grading farm'),
    description: bi(
      '학생이 제출한 코드는 믿을 수 없습니다. 채점기를 어디에 어떻게 격리할지, 마감 직전 몰리는 부하를 어떻게 받을지 정하세요.',
      "Students' submitted code cannot be trusted. Decide how to isolate the " +
        'graders, and how to absorb the rush just before the deadline.',
    ),
    host: { cores: 64, ramGb: 256, diskGb: 2000, os: 'linux', machine: 'server' },
    deck: deckOf([
      'c-code-grader',
      'c-lms-web',
      'c-jupyter-hub',
      'c-plagiarism-batch',
      'c-grades-db',
      'c-omr-scanner',
      'c-lecture-transcoder',
    ]),
    events: [
      { kind: 'kernel-cve', atS: 95 },
      { kind: 'traffic-spike', atS: 140 },
    ],
    randomEvents: 1,
    lengthS: 200,
  },
  {
    id: 's-legacy-bank',
    title: bi('레거시 은행 이전', 'Legacy bank migration'),
    description: bi(
      '커널 모듈이 필요한 코어뱅킹, Windows 전용 프로그램, 내부 규정상 전산센터 밖으로 내보내지 않는 데이터가 있습니다. ' +
        '컨테이너로 갈 수 없는 것과 갈 수 있는 것을 가려내세요. 48코어로는 전부 VM으로 올릴 수 없습니다.',
      'A core-banking system that needs a kernel module, Windows-only ' +
        'programs, data that bank policy keeps in its own data centre: sort out ' +
        'what cannot become a container from what can. 48 cores will not hold ' +
        'everything as VMs.',
    ),
    host: { cores: 48, ramGb: 384, diskGb: 4000, os: 'linux', machine: 'server' },
    deck: deckOf([
      'c-core-banking',
      'c-teller-win',
      'c-ad-dc',
      'c-erp',
      'c-fraud-ml',
      'c-office-suite',
      'c-netbank-web',
      'c-eod-batch',
    ]),
    events: [
      { kind: 'noisy-neighbour', atS: 60 },
      { kind: 'patch-day', atS: 130 },
      { kind: 'traffic-spike', atS: 170 },
    ],
    randomEvents: 1,
    lengthS: 210,
  },
  {
    id: 's-desktop-lab',
    title: bi('데스크톱 실습실', 'Desktop training lab'),
    description: bi(
      '서버가 아니라 학생들이 평소 쓰는 8코어·32 GB 리눅스 노트북입니다. 리눅스라서 KVM(Type 1)을 켤 수도 있지만, 이 ' +
        '실습실은 설치와 삭제가 쉬운 VirtualBox(Type 2, 호스트형)로 VM을 돌리기로 했습니다. 게스트 OS마다 메모리를 ' +
        '차지하므로 전부 VM으로는 들어가지 않습니다.',
      'Not a server but the 8-core, 32 GB Linux laptop students use every day. ' +
        'Being Linux, it could turn on KVM (Type 1), but this lab runs its VMs ' +
        'on VirtualBox (Type 2, hosted), which is easy to install and remove. ' +
        'Every guest OS takes memory, so not everything fits as VMs.',
    ),
    host: { cores: 8, ramGb: 32, diskGb: 512, os: 'linux', machine: 'desktop' },
    deck: deckOf([
      'c-lab-win-client',
      'c-lab-kernel',
      'c-lab-docker-web',
      'c-lab-db',
      'c-lab-pentest',
      'c-lab-win-server',
      'c-lab-k8s',
    ]),
    events: [
      { kind: 'noisy-neighbour', atS: 50 },
      { kind: 'patch-day', atS: 85 },
    ],
    randomEvents: 0,
    lengthS: 120,
  },
  {
    id: 's-windows-shop',
    title: bi('Windows 중심 회사', 'Windows shop'),
    description: bi(
      '호스트 OS가 Windows입니다. Windows 워크로드는 호스트 커널을 나눠 쓸 수 있지만, 리눅스 도구는 VM이 필요합니다. 패치 데이에는 VM의 게스트 OS마다 따로 패치해야 합니다.',
      'The host runs Windows. Windows workloads can share its kernel, but ' +
        "Linux tools need a VM. On patch day every VM's guest OS must be patched " +
        'on its own.',
    ),
    host: { cores: 32, ramGb: 192, diskGb: 4000, os: 'windows', machine: 'server' },
    deck: deckOf([
      'c-payroll-net',
      'c-sql-server',
      'c-ad-dc',
      'c-iis-intranet',
      'c-file-server',
      'c-office-suite',
      'c-linux-analytics',
      'c-rdp-desktops',
    ]),
    events: [
      { kind: 'patch-day', atS: 110 },
      { kind: 'hardware-failure', atS: 150 },
    ],
    randomEvents: 1,
    lengthS: 180,
  },
  {
    id: 's-edge-iot',
    title: bi('엣지 IoT 폭주', 'Edge/IoT burst'),
    description: bi(
      '정전 뒤 센서 수만 개가 한꺼번에 다시 접속합니다. 2초 안에 떠야 하는 수집기와, 고객이 작성한 믿을 수 없는 규칙 코드가 32코어를 나눠 씁니다.',
      'After a power cut tens of thousands of sensors reconnect at once. An ' +
        "ingest tier that must be up within 2 s and customers' untrusted rule " +
        'code share 32 cores.',
    ),
    host: LINUX_SERVER_32,
    deck: deckOf([
      'c-iot-ingest',
      'c-timeseries-db',
      'c-stream-proc',
      'c-anomaly-ml',
      'c-device-fn',
      'c-firmware-ci',
      'c-fleet-dashboard',
    ]),
    events: [
      { kind: 'traffic-spike', atS: 50 },
      { kind: 'noisy-neighbour', atS: 75 },
      { kind: 'kernel-cve', atS: 110 },
    ],
    randomEvents: 1,
    lengthS: 150,
  },
  {
    id: 's-small-shop',
    title: bi('작은 웹 쇼핑몰(워밍업)', 'Small web shop (warm-up)'),
    description: bi(
      '90초짜리 짧은 레이스입니다. 웹 계층은 빨리, 데이터베이스는 I/O 손해가 적게, 남는 자원을 보며 배치하세요.',
      "A short 90-second race: get the web tier up fast, keep the database's " +
        'I/O penalty low, and watch the free capacity.',
    ),
    host: LINUX_SERVER_32,
    deck: deckOf([
      'c-web-frontend',
      'c-catalog-cache',
      'c-checkout',
      'c-order-db',
      'c-recommender',
      'c-patient-portal',
    ]),
    events: [{ kind: 'traffic-spike', atS: 60 }],
    randomEvents: 1,
    lengthS: 90,
  },
  {
    id: 's-tax-season',
    title: bi('연말정산 시즌의 공공 포털', 'Public portal in tax season'),
    description: bi(
      '기관 방침상 시민 자료는 기관 전산센터 밖으로 나가지 않습니다. 서버 세 대(노드 3개)에 웹, API, 인증, PDF 생성기를 ' +
        '올리는데, 간소화 서비스가 열리는 날 접속이 두 번 몰리고 그사이 서버 한 대가 고장 납니다. ' +
        '오케스트레이터(Kubernetes)가 컨트롤 플레인 몫의 자원과 운영 부담을 치를 만한지 판단하세요.',
      "Agency policy keeps citizens' data in its own data centre. Web, API, " +
        'authentication and PDF workers go onto three servers (three nodes); the ' +
        'day the simplified service opens, traffic surges twice and one server ' +
        'fails in between. Decide whether an orchestrator (Kubernetes) is worth ' +
        "its control plane's resources and effort.",
    ),
    host: { cores: 48, ramGb: 192, diskGb: 3000, os: 'linux', machine: 'server', nodes: 3 },
    deck: deckOf(['c-tax-web', 'c-tax-api', 'c-tax-db', 'c-tax-pdf', 'c-tax-auth', 'c-tax-notify', 'c-tax-stats']),
    events: [
      { kind: 'traffic-spike', atS: 70 },
      { kind: 'hardware-failure', atS: 110 },
      { kind: 'traffic-spike', atS: 150 },
    ],
    randomEvents: 0,
    lengthS: 180,
  },
  {
    id: 's-small-office',
    title: bi('작은 사무실의 서버 한 대', "A small office's one server"),
    description: bi(
      '8코어·32 GB 서버 한 대에 위키, CRM, Git, 프린터 서버를 올립니다. 회사 방침상 자료는 사무실 서버에 두고, ' +
        '사용자는 늘 같은 스무 명이라 트래픽이 몰릴 일이 없습니다. 같은 베이스 이미지를 쓰는 컨테이너는 레이어를 함께 쓰니, 무엇을 ' +
        '먼저 어떻게 올릴지도 생각해 보세요.',
      'A wiki, a CRM, Git and a print server go onto one 8-core, 32 GB server; ' +
        'company policy keeps the data on it. The same twenty people use them ' +
        'every day, so nothing surges. Containers on the same base image share ' +
        'its layers: think about what goes first, and how.',
    ),
    host: { cores: 8, ramGb: 32, diskGb: 1000, os: 'linux', machine: 'server' },
    deck: deckOf([
      'c-office-wiki',
      'c-office-webhook',
      'c-office-crm',
      'c-office-git',
      'c-office-print',
      'c-office-backup',
    ]),
    events: [
      { kind: 'patch-day', atS: 60 },
      { kind: 'hardware-failure', atS: 95 },
    ],
    randomEvents: 1,
    lengthS: 120,
  },
];

const TEAM_SERVER = { cores: 24, ramGb: 96, diskGb: 1500, os: 'linux', machine: 'server' } as const;

export const TEAM_SCENARIOS: BiScenario[] = [
  {
    id: 's-team-platform',
    title: bi('[팀전] 사내 개발 플랫폼', 'Team: internal developer platform'),
    description: bi(
      '팀이 24코어 호스트 하나를 함께 씁니다. CI, API, 고객 플러그인이 같은 커널을 써도 될지 판단하고, 누가 무엇을 맡을지 나누세요.',
      'Your team shares one 24-core host. Decide who takes what, and whether ' +
        'CI, the API and customer plugins should share a kernel.',
    ),
    host: TEAM_SERVER,
    deck: deckOf([
      'c-web-frontend',
      'c-catalog-cache',
      'c-tenant-plugins',
      'c-saas-api',
      'c-ci-runners',
      'c-firmware-ci',
      'c-fleet-dashboard',
      'c-support-mail',
    ]),
    events: [
      { kind: 'kernel-cve', atS: 100 },
      { kind: 'traffic-spike', atS: 140 },
    ],
    randomEvents: 1,
    lengthS: 180,
  },
  {
    id: 's-team-clinic',
    title: bi('[팀전] 의원 체인 전산실', 'Team: clinic chain IT'),
    description: bi(
      'Windows 서버 한 대에 급여, AD, 진료 기록이 모입니다. 의원 정책상 원내에 두는 데이터와 리눅스 도구를 어디에 둘지 팀이 함께 정하세요.',
      'Payroll, AD and medical records meet on one Windows server. Decide as a ' +
        'team where the data that clinic policy keeps in-house and the Linux ' +
        'tools should go.',
    ),
    host: { cores: 24, ramGb: 96, diskGb: 2000, os: 'windows', machine: 'server' },
    deck: deckOf([
      'c-payroll-net',
      'c-pacs-archive',
      'c-ad-dc',
      'c-lab-gateway',
      'c-iis-intranet',
      'c-staff-mail',
      'c-ward-scheduler',
      'c-backup-nightly',
    ]),
    events: [
      { kind: 'patch-day', atS: 100 },
      { kind: 'hardware-failure', atS: 150 },
    ],
    randomEvents: 1,
    lengthS: 180,
  },
  {
    id: 's-team-campus',
    title: bi('[팀전] 캠퍼스 IT', 'Team: campus IT'),
    description: bi(
      '채점기, LMS, 성적 DB, 강의 영상까지 24코어에 다 들어가지 않습니다. 무엇을 클라우드로 보낼지, 학생 코드를 어떻게 격리할지 정하세요.',
      'Graders, the LMS, the grades database and lecture videos will not all ' +
        'fit in 24 cores. Decide what goes to the cloud and how to isolate ' +
        'student code.',
    ),
    host: TEAM_SERVER,
    deck: deckOf([
      'c-code-grader',
      'c-iot-ingest',
      'c-lms-web',
      'c-anomaly-ml',
      'c-grades-db',
      'c-office-suite',
      'c-omr-scanner',
      'c-lecture-transcoder',
    ]),
    events: [
      { kind: 'traffic-spike', atS: 90 },
      { kind: 'kernel-cve', atS: 130 },
    ],
    randomEvents: 2,
    lengthS: 200,
  },
];

export const ALL_SCENARIOS: BiScenario[] = [...CLASSROOM_SCENARIOS, ...TEAM_SCENARIOS];
