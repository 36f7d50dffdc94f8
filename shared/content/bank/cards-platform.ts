// Workload cards, part 3: container images and orchestration (notes 001-004). Each card names its image: a base
// (alpine 5.6 MB, ubuntu 64 MB, debian 114 MB: [AL]) and its own layers (sizes: GUESS, typical of such apps).
// arrivesAtS is at most 0.6 x the shortest race the card appears in (scenarios check this in tests).
import { bi, card, type BiCard } from './bilingual.js';

export const PLATFORM_CARDS: BiCard[] = [
  // ------------------------------------------------------------ tax season: a public portal on the agency's own pool
  card({
    id: 'c-tax-web', topic: 'orchestration',
    title: bi('연말정산 안내 웹', 'Year-end tax guide site'),
    description: bi(
      '1월 중순 간소화 서비스가 열리면 접속이 몰리는 안내 화면입니다. 상태를 저장하지 않아 복제본을 늘리기 쉽고, alpine 이미지 위에 자기 레이어 40 MB를 얹었습니다.',
      'The guide pages swamped when the simplified tax service opens in mid-January; stateless, so replicas are easy to add. Its image adds 40 MB of its own layers to alpine.',
    ),
    cpu: 4, ramGb: 8, diskGb: 5, startDeadlineS: 10, traffic: 'bursty', profile: 'network', residency: 'on-prem',
    image: { base: 'alpine', ownMb: 40 }, replicas: 6, arrivesAtS: 0,
  }),
  card({
    id: 'c-tax-api', topic: 'orchestration',
    title: bi('공제 자료 조회 API', 'Deduction lookup API'),
    description: bi(
      '시민의 조회 요청을 받아 DB에 넘기는 무상태 API입니다. 자료는 DB에 있고, debian 이미지 위에 자기 레이어 120 MB를 얹었습니다.',
      'A stateless API that takes citizens\' lookups and passes them to the database, where the data lives. Its image adds 120 MB to debian.',
    ),
    cpu: 6, ramGb: 12, diskGb: 10, startDeadlineS: 15, traffic: 'bursty', profile: 'network', residency: 'on-prem',
    image: { base: 'debian', ownMb: 120 }, replicas: 8, arrivesAtS: 15,
  }),
  card({
    id: 'c-tax-db', topic: 'choosing',
    title: bi('공제 자료 DB', 'Deduction records database'),
    description: bi(
      '시민의 소득·공제 자료를 담은 데이터베이스입니다. 디스크 I/O가 많고 상태를 지니므로 복제본을 마음대로 늘릴 수 없습니다.',
      'The database of citizens\' income and deduction records: heavy on disk I/O, and stateful, so replicas cannot simply be added.',
    ),
    cpu: 8, ramGb: 64, diskGb: 400, startDeadlineS: 600, profile: 'io', sensitivity: 'confidential', residency: 'on-prem',
    image: { base: 'debian', ownMb: 450 }, arrivesAtS: 20,
  }),
  card({
    id: 'c-tax-pdf', topic: 'docker',
    title: bi('증명서 PDF 생성기', 'Certificate PDF workers'),
    description: bi(
      '공제 증명서를 PDF로 만드는 작업자입니다. 글꼴과 렌더링 라이브러리 때문에 debian 위의 자기 레이어가 250 MB로 큽니다.',
      'Workers that render deduction certificates as PDFs; fonts and rendering libraries make their own layers on debian a large 250 MB.',
    ),
    cpu: 4, ramGb: 8, diskGb: 5, startDeadlineS: 20, traffic: 'bursty', residency: 'on-prem',
    image: { base: 'debian', ownMb: 250 }, replicas: 4, arrivesAtS: 30,
  }),
  card({
    id: 'c-tax-auth', topic: 'orchestration',
    title: bi('간편인증 연동 게이트웨이', 'Simple-authentication gateway'),
    description: bi(
      '민간 간편인증 앱과 포털을 잇는 작은 게이트웨이입니다. 로그인이 몰리는 시간에 함께 바빠집니다.',
      'A small gateway between the portal and the private simple-authentication apps; as busy as the logins are.',
    ),
    cpu: 2, ramGb: 4, diskGb: 2, startDeadlineS: 10, traffic: 'bursty', profile: 'network', residency: 'on-prem',
    image: { base: 'alpine', ownMb: 30 }, replicas: 4, arrivesAtS: 45,
  }),
  card({
    id: 'c-tax-notify', topic: 'docker',
    title: bi('알림 발송기', 'Notification sender'),
    description: bi(
      '자료가 준비되면 알림 메시지를 보내는 작은 서비스입니다. alpine 위에 자기 레이어 15 MB뿐입니다.',
      'A small service that sends a message when someone\'s records are ready: only 15 MB of its own layers on alpine.',
    ),
    cpu: 1, ramGb: 2, diskGb: 2, startDeadlineS: 30, traffic: 'bursty', profile: 'network', residency: 'on-prem',
    image: { base: 'alpine', ownMb: 15 }, replicas: 2, arrivesAtS: 60,
  }),
  card({
    id: 'c-tax-stats', topic: 'virtualization',
    title: bi('야간 통계 집계', 'Nightly statistics batch'),
    description: bi('하루 신청 건수를 밤에 집계하는 CPU 작업입니다. 30분 안에만 시작하면 됩니다.', 'Counts the day\'s applications overnight; CPU work that needs only to start within 30 minutes.'),
    cpu: 8, ramGb: 16, diskGb: 50, startDeadlineS: 1800, residency: 'on-prem',
    image: { base: 'ubuntu', ownMb: 200 }, arrivesAtS: 75,
  }),

  // ------------------------------------------------------------ a small office: one server, steady work
  card({
    id: 'c-office-wiki', topic: 'docker',
    title: bi('사내 위키', 'Office wiki'),
    description: bi('직원 20명이 쓰는 위키입니다. debian 이미지 위에 자기 레이어 200 MB를 얹었습니다.', 'The wiki of a 20-person office; its image adds 200 MB of its own layers to debian.'),
    cpu: 1, ramGb: 2, diskGb: 20, startDeadlineS: 60, profile: 'io', residency: 'on-prem',
    image: { base: 'debian', ownMb: 200 }, arrivesAtS: 0,
  }),
  card({
    id: 'c-office-webhook', topic: 'docker',
    title: bi('결재 알림 웹훅', 'Approval webhook receiver'),
    description: bi(
      '결재 시스템이 보내는 알림을 받아 메신저로 넘깁니다. 3초 안에 떠야 알림을 놓치지 않습니다. debian 위에 자기 레이어는 10 MB뿐입니다.',
      'Receives the approval system\'s notifications and forwards them to the messenger; it must be up within 3 s not to miss any. Only 10 MB of its own layers on debian.',
    ),
    cpu: 0.5, ramGb: 0.5, diskGb: 1, startDeadlineS: 3, profile: 'network', residency: 'on-prem',
    image: { base: 'debian', ownMb: 10 }, arrivesAtS: 15,
  }),
  card({
    id: 'c-office-crm', topic: 'choosing',
    title: bi('고객 관리(CRM)', 'Customer records (CRM)'),
    description: bi('영업팀이 쓰는 작은 CRM입니다. 사용자는 늘 같은 열 명 남짓입니다.', 'A small CRM for the sales team; always the same dozen users.'),
    cpu: 2, ramGb: 4, diskGb: 30, startDeadlineS: 120, profile: 'io', residency: 'on-prem',
    image: { base: 'debian', ownMb: 150 }, arrivesAtS: 30,
  }),
  card({
    id: 'c-office-git', topic: 'docker',
    title: bi('사내 Git 서버', 'Office Git server'),
    description: bi('개발자 다섯 명의 저장소를 둡니다. debian 이미지 위에 자기 레이어 300 MB입니다.', 'Holds five developers\' repositories; 300 MB of its own layers on debian.'),
    cpu: 1, ramGb: 2, diskGb: 50, startDeadlineS: 120, profile: 'io', residency: 'on-prem',
    image: { base: 'debian', ownMb: 300 }, arrivesAtS: 45,
  }),
  card({
    id: 'c-office-print', topic: 'traditional',
    title: bi('프린터 서버', 'Print server'),
    description: bi('사무실 프린터 세 대의 인쇄 대기열을 관리합니다.', 'Runs the print queues of the office\'s three printers.'),
    cpu: 0.5, ramGb: 0.5, diskGb: 2, startDeadlineS: 60, residency: 'on-prem',
    image: { base: 'alpine', ownMb: 20 }, arrivesAtS: 55,
  }),
  card({
    id: 'c-office-backup', topic: 'on-prem',
    title: bi('야간 백업', 'Nightly backup'),
    description: bi('밤마다 위키, CRM, Git 저장소를 외장 디스크로 백업합니다.', 'Backs up the wiki, the CRM and the Git repositories to an external disk every night.'),
    cpu: 1, ramGb: 2, diskGb: 200, startDeadlineS: 1800, profile: 'io', residency: 'on-prem',
    image: { base: 'alpine', ownMb: 30 }, arrivesAtS: 70,
  }),
];
