// Workload cards, part 2: legacy bank, desktop training lab, Windows shop and edge/IoT.
// Sizes are the application's own needs (the engine adds guest OS / runtime overhead).
// arrivesAtS is at most 0.6 x the shortest race the card appears in (scenarios check this in tests).
import { bi, card, type BiCard } from './bilingual.js';

export const INFRA_CARDS: BiCard[] = [
  // ------------------------------------------------------------ legacy bank
  card({
    id: 'c-core-banking', topic: 'vm',
    title: bi('코어뱅킹 레거시 모놀리스', 'Legacy core-banking monolith'),
    description: bi('20년 된 거대한 프로그램. 전용 커널 모듈이 있어야 돌고, 은행 내부 규정상 데이터를 자체 전산센터에 둔다.', 'A twenty-year-old monolith that needs its own kernel module; bank policy keeps its data in the bank\'s own data centre.'),
    cpu: 16, ramGb: 64, diskGb: 500, startDeadlineS: 900, sensitivity: 'confidential', residency: 'on-prem',
    needsCustomKernel: true, needsOsControl: true, arrivesAtS: 0,
  }),
  card({
    id: 'c-teller-win', topic: 'vm',
    title: bi('창구 단말 서버(Windows 전용)', 'Teller terminal server (Windows only)'),
    description: bi('Windows에서만 동작하는 오래된 창구 업무 프로그램. 고객 계좌를 다룬다.', 'An old teller application that only runs on Windows; handles customer accounts.'),
    cpu: 4, ramGb: 8, diskGb: 60, startDeadlineS: 600, guestOs: 'windows', sensitivity: 'confidential', residency: 'on-prem', arrivesAtS: 20,
  }),
  card({
    id: 'c-ad-dc', topic: 'hypervisor-type1',
    title: bi('Windows AD 도메인 컨트롤러', 'Windows AD domain controller'),
    description: bi('직원 계정과 로그인을 관리한다. OS 설정을 직접 만져야 하고 사내에 있어야 한다.', 'Manages staff accounts and logins; needs full control of the OS and must stay in-house.'),
    cpu: 2, ramGb: 4, diskGb: 60, startDeadlineS: 900, guestOs: 'windows', sensitivity: 'confidential', residency: 'on-prem',
    needsOsControl: true, arrivesAtS: 35,
  }),
  card({
    id: 'c-erp', topic: 'para-virt',
    title: bi('ERP 시스템', 'ERP system'),
    description: bi('회계·인사·구매를 묶은 리눅스 ERP. 데이터베이스 I/O가 많다.', 'A Linux ERP for accounting, HR and purchasing; heavy on database I/O.'),
    cpu: 8, ramGb: 64, diskGb: 400, startDeadlineS: 1200, profile: 'io', sensitivity: 'confidential', residency: 'on-prem', arrivesAtS: 50,
  }),
  card({
    id: 'c-fraud-ml', topic: 'choosing',
    title: bi('이상거래 탐지 추론(CPU)', 'Fraud detection inference (CPU)'),
    description: bi('거래마다 CPU로 모델을 돌려 이상거래를 잡는다. 거래량에 따라 부하가 변한다.', 'Scores every transaction with a model on CPUs; load follows the transaction volume.'),
    cpu: 4, ramGb: 16, diskGb: 20, startDeadlineS: 30, traffic: 'bursty', sensitivity: 'confidential', residency: 'on-prem', arrivesAtS: 70,
  }),
  card({
    id: 'c-netbank-web', topic: 'orchestration',
    title: bi('인터넷뱅킹 웹', 'Internet banking web tier'),
    description: bi('월급날 접속이 몰리는 인터넷뱅킹 화면. 무상태라 쉽게 늘릴 수 있다.', 'The online banking front end, swamped on payday; stateless, so it scales out easily.'),
    cpu: 4, ramGb: 8, diskGb: 10, startDeadlineS: 5, traffic: 'bursty', profile: 'network', sensitivity: 'confidential', arrivesAtS: 85,
  }),
  card({
    id: 'c-eod-batch', topic: 'virtualization',
    title: bi('일일 마감 정산 배치', 'End-of-day settlement batch'),
    description: bi('영업이 끝난 뒤 하루 거래를 정산하는 CPU 작업. 한 시간 안에만 시작하면 된다.', 'Settles the day\'s transactions after closing; CPU-heavy, needs only to start within the hour.'),
    cpu: 8, ramGb: 32, diskGb: 200, startDeadlineS: 3600, sensitivity: 'confidential', residency: 'on-prem', arrivesAtS: 100,
  }),

  // ------------------------------------------------------------ desktop training lab
  card({
    id: 'c-lab-win-client', topic: 'hypervisor-type2',
    title: bi('Windows 11 실습 VM', 'Windows 11 practice VM'),
    description: bi('리눅스 노트북에서 Windows 설정을 실습하기 위한 VM.', 'A VM for practising Windows settings on a Linux laptop.'),
    cpu: 2, ramGb: 4, diskGb: 64, startDeadlineS: 300, guestOs: 'windows', needsOsControl: true, arrivesAtS: 0,
  }),
  card({
    id: 'c-lab-kernel', topic: 'hypervisor-type2',
    title: bi('커널 모듈 실습용 리눅스', 'Kernel-module practice Linux'),
    description: bi('학생이 직접 커널 모듈을 만들어 올려 보는 실습. 망가져도 노트북은 멀쩡해야 한다.', 'Students build and load their own kernel module; the laptop must survive when it breaks.'),
    cpu: 1, ramGb: 2, diskGb: 20, startDeadlineS: 300, needsCustomKernel: true, needsOsControl: true, arrivesAtS: 10,
  }),
  card({
    id: 'c-lab-docker-web', topic: 'docker',
    title: bi('Docker 실습용 웹 앱', 'Docker practice web app'),
    description: bi('Dockerfile을 빌드해 띄워 보는 작은 웹 앱.', 'A small web app to build from a Dockerfile and run.'),
    cpu: 0.5, ramGb: 0.5, diskGb: 1, startDeadlineS: 10, profile: 'network', image: { base: 'alpine', ownMb: 30 }, arrivesAtS: 20,
  }),
  card({
    id: 'c-lab-db', topic: 'docker',
    title: bi('실습용 MySQL', 'Practice MySQL'),
    description: bi('SQL 수업용 데이터베이스. 공식 이미지로 바로 띄울 수 있다.', 'A database for the SQL class; runs straight from the official image.'),
    cpu: 1, ramGb: 2, diskGb: 10, startDeadlineS: 60, profile: 'io', image: { base: 'debian', ownMb: 450 }, arrivesAtS: 30,
  }),
  card({
    id: 'c-lab-pentest', topic: 'vm',
    title: bi('보안 실습용 취약 서버', 'Vulnerable target for security class'),
    description: bi('일부러 취약하게 만든 서버. 학생들이 공격해 보므로 노트북과 확실히 분리해야 한다.', 'A deliberately vulnerable server that students attack; it must be walled off from the laptop.'),
    cpu: 1, ramGb: 2, diskGb: 20, startDeadlineS: 300, trust: 'untrusted', profile: 'syscall', needsOsControl: true, arrivesAtS: 45,
  }),
  card({
    id: 'c-lab-win-server', topic: 'hypervisor-type2',
    title: bi('Windows Server 평가판 VM', 'Windows Server evaluation VM'),
    description: bi('AD 실습을 위한 Windows Server VM.', 'A Windows Server VM for Active Directory practice.'),
    cpu: 2, ramGb: 4, diskGb: 40, startDeadlineS: 600, guestOs: 'windows', needsOsControl: true, arrivesAtS: 55,
  }),
  card({
    id: 'c-lab-k8s', topic: 'orchestration',
    title: bi('단일 노드 Kubernetes 실습', 'Single-node Kubernetes practice'),
    description: bi('노트북 한 대에서 돌리는 작은 Kubernetes 클러스터(kind·minikube).', 'A tiny Kubernetes cluster on one laptop (kind, minikube).'),
    cpu: 2, ramGb: 4, diskGb: 20, startDeadlineS: 120, arrivesAtS: 65,
  }),

  // ------------------------------------------------------------ Windows shop
  card({
    id: 'c-payroll-net', topic: 'on-prem',
    title: bi('.NET 급여 서비스(Windows)', '.NET payroll service (Windows)'),
    description: bi('Windows에서 도는 급여 계산 서비스. 급여 정보는 기밀이고 사내에 있어야 한다.', 'A payroll service on Windows; salary data is confidential and must stay in-house.'),
    cpu: 4, ramGb: 8, diskGb: 50, startDeadlineS: 600, guestOs: 'windows', sensitivity: 'confidential', residency: 'on-prem', arrivesAtS: 0,
  }),
  card({
    id: 'c-sql-server', topic: 'full-virt',
    title: bi('SQL Server 데이터베이스', 'SQL Server database'),
    description: bi('회사 업무 데이터를 담은 Windows용 SQL Server. 랜덤 I/O가 많다.', 'The company\'s SQL Server on Windows; heavy random I/O.'),
    cpu: 8, ramGb: 32, diskGb: 400, startDeadlineS: 300, guestOs: 'windows', profile: 'io', sensitivity: 'confidential', arrivesAtS: 20,
  }),
  card({
    id: 'c-iis-intranet', topic: 'container',
    title: bi('IIS 사내 포털', 'IIS intranet portal'),
    description: bi('직원용 사내 포털(IIS). 아침 출근 시간에 접속이 몰린다.', 'The staff intranet on IIS; everyone opens it when they arrive in the morning.'),
    cpu: 2, ramGb: 4, diskGb: 20, startDeadlineS: 30, guestOs: 'windows', traffic: 'bursty', profile: 'network', arrivesAtS: 50,
  }),
  card({
    id: 'c-file-server', topic: 'vm',
    title: bi('Windows 파일 서버', 'Windows file server'),
    description: bi('부서 공유 폴더. 접근 권한을 OS에서 직접 관리한다.', 'Departmental shared folders, with access rights managed in the OS itself.'),
    cpu: 2, ramGb: 8, diskGb: 500, startDeadlineS: 600, guestOs: 'windows', profile: 'io', needsOsControl: true, arrivesAtS: 65,
  }),
  card({
    id: 'c-linux-analytics', topic: 'hypervisor-type1',
    title: bi('리눅스 분석 서버', 'Linux analytics server'),
    description: bi('Windows 서버만 있는 회사에 들어온 리눅스용 분석 도구.', 'A Linux analytics tool arriving in a company that only has Windows servers.'),
    cpu: 4, ramGb: 16, diskGb: 100, startDeadlineS: 300, arrivesAtS: 80,
  }),
  card({
    id: 'c-rdp-desktops', topic: 'vm',
    title: bi('원격 데스크톱 세션 호스트', 'Remote desktop session host'),
    description: bi('직원들이 원격으로 접속해 쓰는 Windows 데스크톱. 출근 시간에 몰린다.', 'Windows desktops staff log into remotely; busy at the start of the day.'),
    cpu: 8, ramGb: 32, diskGb: 100, startDeadlineS: 120, guestOs: 'windows', traffic: 'bursty', needsOsControl: true, arrivesAtS: 95,
  }),

  // ------------------------------------------------------------ edge / IoT
  card({
    id: 'c-iot-ingest', topic: 'container',
    title: bi('IoT 수집기(MQTT)', 'IoT ingest (MQTT)'),
    description: bi('센서 수만 개가 보내는 메시지를 받는다. 정전 뒤 센서들이 한꺼번에 다시 접속한다.', 'Receives messages from tens of thousands of sensors, which all reconnect at once after an outage.'),
    cpu: 4, ramGb: 4, diskGb: 10, startDeadlineS: 2, traffic: 'bursty', profile: 'network', arrivesAtS: 0,
  }),
  card({
    id: 'c-timeseries-db', topic: 'para-virt',
    title: bi('시계열 데이터베이스', 'Time-series database'),
    description: bi('센서 값을 쌓는 DB. 쓰기와 랜덤 읽기가 많다.', 'Stores sensor readings; lots of writes and random reads.'),
    cpu: 8, ramGb: 32, diskGb: 500, startDeadlineS: 120, profile: 'io', arrivesAtS: 10,
  }),
  card({
    id: 'c-stream-proc', topic: 'orchestration',
    title: bi('스트림 처리기', 'Stream processor'),
    description: bi('들어오는 센서 값을 실시간으로 집계한다. 메시지 양에 맞춰 작업자 수를 조절한다.', 'Aggregates readings in real time; the number of workers follows the message rate.'),
    cpu: 8, ramGb: 16, diskGb: 20, startDeadlineS: 10, traffic: 'bursty', arrivesAtS: 25,
  }),
  card({
    id: 'c-anomaly-ml', topic: 'choosing',
    title: bi('이상 탐지 추론(CPU)', 'Anomaly detection inference (CPU)'),
    description: bi('GPU 없이 CPU로 돌리는 이상 탐지 모델.', 'An anomaly detection model served on CPUs, no GPU.'),
    cpu: 8, ramGb: 8, diskGb: 10, startDeadlineS: 15, traffic: 'bursty', arrivesAtS: 40,
  }),
  card({
    id: 'c-device-fn', topic: 'choosing',
    title: bi('고객 장치 규칙 함수', 'Customer device-rule functions'),
    description: bi('고객이 직접 작성한 규칙 코드를 이벤트마다 실행한다. 2초 안에 응답해야 한다.', 'Runs rule code written by customers on every event; must answer within 2 s.'),
    cpu: 2, ramGb: 2, diskGb: 2, startDeadlineS: 2, trust: 'untrusted', traffic: 'bursty', profile: 'syscall', arrivesAtS: 55,
  }),
  card({
    id: 'c-firmware-ci', topic: 'docker',
    title: bi('펌웨어 빌드 CI', 'Firmware build CI'),
    description: bi('장치 펌웨어를 빌드하는 CI 작업자. 같은 빌드 이미지로 여러 개를 띄운다.', 'CI workers that build device firmware, many started from one build image.'),
    cpu: 8, ramGb: 16, diskGb: 100, startDeadlineS: 120, traffic: 'bursty', arrivesAtS: 65,
  }),
  card({
    id: 'c-fleet-dashboard', topic: 'service-models',
    title: bi('장치 관리 대시보드', 'Fleet dashboard'),
    description: bi('장치 상태를 보여 주는 작은 웹 앱. 서버 관리 없이 코드만 올리고 싶다.', 'A small web app showing device health; the team wants to push code, not run servers.'),
    cpu: 1, ramGb: 2, diskGb: 5, startDeadlineS: 60, profile: 'network', arrivesAtS: 80,
  }),
];
