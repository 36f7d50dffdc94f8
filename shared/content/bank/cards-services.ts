// Workload cards, part 1: SaaS startup, hospital, Black Friday shop and university grading farm.
// Sizes are the application's own needs (the engine adds guest OS / runtime overhead).
// arrivesAtS is at most 0.6 x the shortest race the card appears in (scenarios check this in tests).
import { bi, card, type BiCard } from './bilingual.js';

export const SERVICE_CARDS: BiCard[] = [
  // ------------------------------------------------------------ SaaS startup
  card({
    id: 'c-web-frontend', topic: 'container',
    title: bi('버스트형 웹 프런트엔드', 'Bursty web front end'),
    description: bi('무상태 웹 서버. 마케팅 메일이 나가면 몇 초 만에 트래픽이 10배로 뛴다.', 'Stateless web tier; a marketing e-mail multiplies traffic tenfold within seconds.'),
    cpu: 2, ramGb: 2, diskGb: 2, startDeadlineS: 2, traffic: 'bursty', profile: 'network', sensitivity: 'public', arrivesAtS: 0,
  }),
  card({
    id: 'c-tenant-plugins', topic: 'choosing',
    title: bi('고객 플러그인 실행기', 'Tenant plugin runner'),
    description: bi('고객이 올린 임의의 코드를 실행한다. 시스템 콜이 많고, 누가 무엇을 올릴지 모른다.', 'Runs arbitrary code uploaded by customers; syscall-heavy, and nobody knows what will be uploaded.'),
    cpu: 4, ramGb: 8, diskGb: 20, startDeadlineS: 30, trust: 'untrusted', profile: 'syscall', traffic: 'bursty', arrivesAtS: 15,
  }),
  card({
    id: 'c-saas-api', topic: 'orchestration',
    title: bi('멀티테넌트 REST API', 'Multi-tenant REST API'),
    description: bi('모든 고객이 호출하는 API 서버. 고객 데이터를 다루고 부하가 출렁인다.', 'The API every customer calls; handles customer data, load comes in waves.'),
    cpu: 4, ramGb: 4, diskGb: 5, startDeadlineS: 10, traffic: 'bursty', profile: 'network', sensitivity: 'confidential', arrivesAtS: 30,
  }),
  card({
    id: 'c-tenant-db', topic: 'para-virt',
    title: bi('고객 PostgreSQL 데이터베이스', 'Tenant PostgreSQL database'),
    description: bi('모든 고객 데이터가 들어 있는 DB. 랜덤 I/O가 대부분이다.', 'Holds every customer\'s data; mostly random I/O.'),
    cpu: 8, ramGb: 32, diskGb: 400, startDeadlineS: 300, profile: 'io', sensitivity: 'confidential', arrivesAtS: 45,
  }),
  card({
    id: 'c-ci-runners', topic: 'docker',
    title: bi('CI 빌드 러너', 'CI build runners'),
    description: bi('사내 개발자의 커밋마다 이미지를 빌드하고 테스트한다. 평일 낮에 몰린다.', 'Builds and tests an image for every commit by in-house developers; busy on weekday afternoons.'),
    cpu: 8, ramGb: 16, diskGb: 100, startDeadlineS: 60, traffic: 'bursty', arrivesAtS: 60,
  }),
  card({
    id: 'c-office-suite', topic: 'service-models',
    title: bi('사무용 오피스 도구', 'Office suite'),
    description: bi('직원들의 문서·스프레드시트·공동 편집. 같은 일을 하는 SaaS가 이미 있다.', 'Documents, spreadsheets and co-editing for staff; ready-made SaaS products do exactly this.'),
    cpu: 2, ramGb: 4, diskGb: 50, startDeadlineS: 600, saasAvailable: true, arrivesAtS: 75,
  }),
  card({
    id: 'c-support-mail', topic: 'service-models',
    title: bi('고객지원 메일 서버', 'Support mail server'),
    description: bi('고객 문의 메일을 주고받는다. 메일은 SaaS로도 쓸 수 있다.', 'Sends and receives customer support e-mail; mail is available as SaaS.'),
    cpu: 1, ramGb: 2, diskGb: 100, startDeadlineS: 900, profile: 'network', saasAvailable: true, arrivesAtS: 90,
  }),

  // ------------------------------------------------------------ hospital
  card({
    id: 'c-emr-db', topic: 'on-prem',
    title: bi('전자의무기록(EMR) 데이터베이스', 'Electronic medical records database'),
    description: bi('환자 진료 기록. 병원 정책에 따라 원내 서버에만 보관한다.', 'Patients\' medical records; hospital policy keeps them on the hospital\'s own servers.'),
    cpu: 8, ramGb: 48, diskGb: 500, startDeadlineS: 600, profile: 'io', sensitivity: 'confidential', residency: 'on-prem', arrivesAtS: 0,
  }),
  card({
    id: 'c-pacs-archive', topic: 'on-prem',
    title: bi('의료영상 저장소(PACS)', 'Medical imaging archive (PACS)'),
    description: bi('CT·MRI 영상 저장소. 용량이 크고, 병원 정책상 원내에 보관한다.', 'Stores CT and MRI images; large, and hospital policy keeps them on site.'),
    cpu: 4, ramGb: 16, diskGb: 500, startDeadlineS: 900, profile: 'io', sensitivity: 'confidential', residency: 'on-prem', arrivesAtS: 20,
  }),
  card({
    id: 'c-lab-gateway', topic: 'vm',
    title: bi('검사 장비 게이트웨이', 'Lab instrument gateway'),
    description: bi('검사 장비용 커널 모듈(드라이버)을 직접 올려야 하는 리눅스 서비스.', 'A Linux service that must load its own kernel module (driver) for the lab instruments.'),
    cpu: 1, ramGb: 2, diskGb: 10, startDeadlineS: 120, sensitivity: 'confidential', residency: 'on-prem',
    needsCustomKernel: true, needsOsControl: true, arrivesAtS: 35,
  }),
  card({
    id: 'c-patient-portal', topic: 'container',
    title: bi('환자 예약 포털', 'Patient booking portal'),
    description: bi('진료 예약 웹사이트. 아침 9시에 접속이 몰린다.', 'Appointment booking website; everyone logs in at 9 a.m.'),
    cpu: 2, ramGb: 4, diskGb: 5, startDeadlineS: 5, traffic: 'bursty', profile: 'network', arrivesAtS: 50,
  }),
  card({
    id: 'c-staff-mail', topic: 'service-models',
    title: bi('직원 이메일', 'Staff e-mail'),
    description: bi('병원 직원 메일. 같은 기능의 SaaS 메일이 있다.', 'E-mail for hospital staff; SaaS mail does the same job.'),
    cpu: 1, ramGb: 2, diskGb: 100, startDeadlineS: 900, profile: 'network', saasAvailable: true, arrivesAtS: 65,
  }),
  card({
    id: 'c-ward-scheduler', topic: 'vm',
    title: bi('병동 근무표 프로그램', 'Ward rota application'),
    description: bi('간호사 근무표를 짜는 Windows 전용 프로그램.', 'A Windows-only program that plans nurses\' shifts.'),
    cpu: 2, ramGb: 4, diskGb: 40, startDeadlineS: 300, guestOs: 'windows', arrivesAtS: 80,
  }),
  card({
    id: 'c-backup-nightly', topic: 'traditional',
    title: bi('야간 백업 작업', 'Nightly backup job'),
    description: bi('밤새 디스크를 읽어 압축하는 백업. 같은 OS에 두면 다른 프로그램을 느리게 한다.', 'Reads and compresses disks all night; on a shared OS it slows everything else down.'),
    cpu: 4, ramGb: 8, diskGb: 200, startDeadlineS: 3600, profile: 'io', sensitivity: 'confidential', residency: 'on-prem', arrivesAtS: 95,
  }),

  // ------------------------------------------------------------ Black Friday shop
  card({
    id: 'c-shop-frontend', topic: 'container',
    title: bi('쇼핑몰 웹 프런트', 'Shop storefront'),
    description: bi('블랙프라이데이 자정에 방문자가 폭증한다. 2초 안에 새 인스턴스가 떠야 한다.', 'Visitors explode at midnight on Black Friday; new instances must serve within 2 s.'),
    cpu: 4, ramGb: 4, diskGb: 2, startDeadlineS: 2, traffic: 'bursty', profile: 'network', sensitivity: 'public', arrivesAtS: 0,
  }),
  card({
    id: 'c-catalog-cache', topic: 'docker',
    title: bi('상품 카탈로그 캐시(Redis)', 'Product catalogue cache (Redis)'),
    description: bi('공식 Redis 이미지로 바로 띄울 수 있는 메모리 캐시.', 'An in-memory cache that runs straight from the official Redis image.'),
    cpu: 2, ramGb: 16, diskGb: 5, startDeadlineS: 20, profile: 'network', arrivesAtS: 10,
  }),
  card({
    id: 'c-checkout', topic: 'orchestration',
    title: bi('결제 서비스', 'Checkout service'),
    description: bi('카드 결제를 처리하는 마이크로서비스. 트래픽을 따라 늘었다 줄어야 한다.', 'The microservice that takes card payments; must scale out and back with traffic.'),
    cpu: 4, ramGb: 4, diskGb: 5, startDeadlineS: 5, traffic: 'bursty', profile: 'network', sensitivity: 'confidential', arrivesAtS: 20,
  }),
  card({
    id: 'c-order-db', topic: 'full-virt',
    title: bi('주문 MySQL 데이터베이스', 'Orders MySQL database'),
    description: bi('모든 주문이 기록되는 DB. 랜덤 I/O가 성능을 좌우한다.', 'Every order is written here; random I/O decides its speed.'),
    cpu: 8, ramGb: 32, diskGb: 300, startDeadlineS: 300, profile: 'io', sensitivity: 'confidential', arrivesAtS: 30,
  }),
  card({
    id: 'c-recommender', topic: 'choosing',
    title: bi('추천 모델 추론(CPU)', 'Recommendation inference (CPU)'),
    description: bi('GPU 없이 CPU로 돌리는 추천 모델. 방문자 수에 따라 부하가 변한다.', 'A recommendation model served on CPUs, no GPU; load follows the visitors.'),
    cpu: 8, ramGb: 16, diskGb: 20, startDeadlineS: 30, traffic: 'bursty', arrivesAtS: 45,
  }),
  card({
    id: 'c-image-resizer', topic: 'orchestration',
    title: bi('상품 이미지 리사이저', 'Product image resizer'),
    description: bi('판매자가 올린 사진으로 썸네일을 만드는 작업자들. 큐가 쌓이면 늘려야 한다.', 'Workers that make thumbnails from sellers\' photos; add more when the queue grows.'),
    cpu: 4, ramGb: 4, diskGb: 10, startDeadlineS: 10, traffic: 'bursty', arrivesAtS: 60,
  }),
  card({
    id: 'c-campaign-site', topic: 'service-models',
    title: bi('이벤트 랜딩 페이지', 'Campaign landing page'),
    description: bi('하루짜리 이벤트 페이지. 서버 관리 없이 코드만 올리면 된다.', 'A one-day campaign page; just push the code, no server to run.'),
    cpu: 0.5, ramGb: 0.5, diskGb: 1, startDeadlineS: 60, traffic: 'bursty', profile: 'network', sensitivity: 'public', arrivesAtS: 75,
  }),

  // ------------------------------------------------------------ university grading farm
  card({
    id: 'c-code-grader', topic: 'container',
    title: bi('학생 코드 채점기', 'Student code grader'),
    description: bi('학생이 제출한 코드를 컴파일하고 실행한다. 마감 직전에 제출이 몰린다.', 'Compiles and runs students\' submissions; floods in just before the deadline.'),
    cpu: 8, ramGb: 16, diskGb: 20, startDeadlineS: 10, trust: 'untrusted', traffic: 'bursty', profile: 'syscall', arrivesAtS: 0,
  }),
  card({
    id: 'c-lms-web', topic: 'orchestration',
    title: bi('학습관리시스템(LMS)', 'Learning management system'),
    description: bi('강의 자료와 과제 제출 사이트. 과제 마감 때 접속이 폭증한다.', 'Course material and assignment site; traffic spikes at every deadline.'),
    cpu: 4, ramGb: 8, diskGb: 50, startDeadlineS: 10, traffic: 'bursty', profile: 'network', arrivesAtS: 15,
  }),
  card({
    id: 'c-jupyter-hub', topic: 'choosing',
    title: bi('학생용 Jupyter 노트북', 'Student Jupyter notebooks'),
    description: bi('학생마다 파이썬 노트북을 띄워 준다. 학생 코드는 믿을 수 없다.', 'A Python notebook per student; student code cannot be trusted.'),
    cpu: 16, ramGb: 64, diskGb: 200, startDeadlineS: 60, trust: 'untrusted', traffic: 'bursty', arrivesAtS: 30,
  }),
  card({
    id: 'c-plagiarism-batch', topic: 'virtualization',
    title: bi('표절 검사 배치(GPU 불필요)', 'Plagiarism check batch (no GPU)'),
    description: bi('밤새 모든 제출물을 비교하는 CPU 집약 작업. 아침까지만 끝나면 된다.', 'Compares every submission overnight; CPU-heavy, only needs to finish by morning.'),
    cpu: 16, ramGb: 32, diskGb: 100, startDeadlineS: 3600, arrivesAtS: 50,
  }),
  card({
    id: 'c-grades-db', topic: 'on-prem',
    title: bi('성적 데이터베이스', 'Grades database'),
    description: bi('학생 성적. 학교 규정상 교내 서버에만 저장해야 한다.', 'Student grades; university policy keeps them on campus servers.'),
    cpu: 4, ramGb: 16, diskGb: 100, startDeadlineS: 300, profile: 'io', sensitivity: 'confidential', residency: 'on-prem', arrivesAtS: 70,
  }),
  card({
    id: 'c-omr-scanner', topic: 'vm',
    title: bi('OMR 답안 판독 프로그램', 'OMR answer-sheet reader'),
    description: bi('Windows에서만 동작하는 오래된 답안지 판독 프로그램.', 'An old answer-sheet reader that only runs on Windows.'),
    cpu: 2, ramGb: 4, diskGb: 40, startDeadlineS: 600, guestOs: 'windows', arrivesAtS: 90,
  }),
  card({
    id: 'c-lecture-transcoder', topic: 'docker',
    title: bi('강의 영상 변환기', 'Lecture video transcoder'),
    description: bi('녹화 강의를 여러 화질로 변환한다. 같은 이미지로 작업자를 여럿 띄운다.', 'Converts recorded lectures into several qualities; many workers from one image.'),
    cpu: 8, ramGb: 8, diskGb: 300, startDeadlineS: 1800, arrivesAtS: 105,
  }),
];
