// Questions on Docker (Dockerfile, build, images, layers) and orchestration (Kubernetes).
import { bi, type BiQuestion } from './bilingual.js';

export const DOCKER_QUESTIONS: BiQuestion[] = [
  // ------------------------------------------------------------ docker
  {
    id: 'q-dk-001',
    topic: 'docker',
    type: 'ordering',
    timeLimitS: 40,
    prompt: bi(
      'Docker로 애플리케이션을 실행하기까지의 순서를 나열하세요.',
      'Put the steps from source to a running Docker container in order.',
    ),
    items: [
      bi('Dockerfile 작성(패키지, 환경 변수 등)', 'Write a Dockerfile (packages, environment variables...)'),
      bi('docker build 실행', 'Run docker build'),
      bi('이미지 생성(변하지 않음)', 'An image is produced (immutable)'),
      bi('docker run 실행', 'Run docker run'),
      bi('실행 중인 컨테이너', 'A running container'),
    ],
    explanation: bi(
      'Dockerfile은 이미지를 만드는 절차를 적은 텍스트 파일일 뿐이고, docker build로 빌드해야 이미지가 됩니다. ' +
        '이미지는 변하지 않는 템플릿이며, docker run으로 실행하면 컨테이너가 만들어져 실제 CPU와 메모리를 쓰기 시작합니다. ' +
        '한 이미지로 컨테이너를 여러 개 만들 수 있습니다.',
      'A Dockerfile is only a text recipe; docker build turns it into an ' +
        'image, an immutable template; docker run starts a container from the ' +
        'image, which begins using real CPU and memory. One image can start many ' +
        'containers.',
    ),
  },
  {
    id: 'q-dk-002',
    topic: 'docker',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      '컨테이너를 삭제하면 그 컨테이너를 만든 이미지도 함께 삭제된다.',
      'Deleting a container also deletes the image it was created from.',
    ),
    correct: false,
    explanation: bi(
      '거짓입니다. 이미지와 컨테이너는 서로 독립적입니다. 컨테이너가 죽거나 삭제되어도 이미지는 그대로 남고, 같은 이미지로 새 ' +
        '컨테이너를 언제든 다시 만들 수 있습니다. 컨테이너에서 바뀐 내용은 그 컨테이너의 쓰기 레이어에만 있다가 함께 사라집니다.',
      'False. Images and containers are independent: the image stays when a ' +
        'container dies or is deleted, and can start new containers at any time. ' +
        'Changes made inside a container live only in its own writable layer and ' +
        'go with it.',
    ),
  },
  {
    id: 'q-dk-003',
    topic: 'docker',
    type: 'multi',
    timeLimitS: 30,
    prompt: bi(
      '컨테이너 이미지에 대한 설명으로 옳은 것을 모두 고르세요.',
      'Select every true statement about container images.',
    ),
    options: [
      bi('한 번 만들어지면 변하지 않는다', 'Once built, it does not change'),
      bi('하나의 이미지로 여러 컨테이너를 만들 수 있다', 'One image can start many containers'),
      bi('같은 레이어는 여러 이미지가 공유한다', 'Identical layers are shared between images'),
      bi('이미지마다 자체 커널이 들어 있다', 'Every image contains its own kernel'),
      bi('컨테이너가 파일을 쓰면 이미지가 바뀐다', 'When a container writes a file, the image changes'),
      bi('이미지는 빌드한 호스트에서만 실행할 수 있다', 'An image runs only on the host it was built on'),
    ],
    correct: [0, 1, 2],
    explanation: bi(
      '이미지는 불변이고, 레이어로 이루어져 같은 레이어를 공유하며, 여러 컨테이너의 출발점이 됩니다. 이미지에는 커널이 들어 있지 ' +
        '않고, 컨테이너는 호스트 커널을 씁니다. 컨테이너의 변경은 이미지가 아니라 컨테이너마다 있는 얇은 쓰기 레이어에 기록됩니다. ' +
        '이미지는 레지스트리를 거쳐 커널이 호환되는 어느 호스트에서든 실행할 수 있습니다.',
      'Images are immutable, made of shareable layers, and start many ' +
        "containers. They carry no kernel: containers use the host's. A " +
        "container's changes go to its own thin writable layer, never into the " +
        'image. Through a registry an image runs on any host with a compatible ' +
        'kernel.',
    ),
  },
  {
    id: 'q-dk-004',
    topic: 'docker',
    type: 'numeric',
    timeLimitS: 40,
    prompt: bi(
      '5.6 MB짜리 alpine 이미지로 컨테이너 10개를 띄웠습니다. 쓰기 레이어를 빼면, 디스크에 저장된 이미지 레이어는 모두 몇 MB일까요?',
      'You start 10 containers from the 5.6 MB alpine image. Not counting ' +
        'their writable layers, how many MB of image layers are stored on disk?',
    ),
    correct: 5.6,
    tolerance: 0.1,
    unit: bi('MB', 'MB'),
    explanation: bi(
      '5.6 MB입니다. 이미지 레이어는 읽기 전용이라 한 번만 저장되고 10개 컨테이너가 함께 씁니다. 각 컨테이너는 그 위에 ' +
        '자기만의 얇은 쓰기 레이어만 더합니다(alpine 크기는 docker-alpine README 기준). VM 10개라면 게스트 ' +
        'OS 디스크가 10벌 필요합니다.',
      '5.6 MB. Image layers are read-only, stored once and shared by all 10 ' +
        'containers; each adds only a thin writable layer of its own (alpine ' +
        'size: docker-alpine README). Ten VMs would need ten copies of a guest ' +
        'OS disk.',
    ),
  },
  {
    id: 'q-dk-005',
    topic: 'docker',
    type: 'matching',
    timeLimitS: 45,
    prompt: bi('Docker 용어와 뜻을 짝지으세요.', 'Match each Docker term with its meaning.'),
    left: [
      bi('Dockerfile', 'Dockerfile'),
      bi('이미지', 'Image'),
      bi('컨테이너', 'Container'),
      bi('레지스트리', 'Registry'),
    ],
    right: [
      bi('이미지를 저장하고 공유하는 곳(예: Docker Hub)', 'Where images are stored and shared (e.g. Docker Hub)'),
      bi('이미지를 만드는 절차를 적은 텍스트', 'A text recipe for building an image'),
      bi('실행 중인 인스턴스(이미지 + 쓰기 레이어)', 'A running instance (image + writable layer)'),
      bi('레이어로 된 불변의 템플릿', 'An immutable, layered template'),
    ],
    pairs: [1, 3, 2, 0],
    explanation: bi(
      'Dockerfile은 레시피, 빌드 결과인 이미지는 불변 템플릿, 컨테이너는 이미지를 실행한 인스턴스, 레지스트리는 이미지를 ' +
        '주고받는 저장소입니다. 이미지가 어디서나 똑같이 실행되기 때문에 이식성이 높습니다.',
      'The Dockerfile is the recipe, the image built from it an immutable ' +
        'template, a container a running instance of it, and a registry the ' +
        'store that images are pushed to and pulled from. Images run the same ' +
        'anywhere, hence the portability.',
    ),
  },
  {
    id: 'q-dk-006',
    topic: 'docker',
    type: 'ordering',
    timeLimitS: 40,
    prompt: bi('크기가 작은 것부터 큰 것 순서로 나열하세요.', 'Order by size, smallest first.'),
    items: [
      bi('alpine 컨테이너 이미지(5.6 MB)', 'alpine container image (5.6 MB)'),
      bi('ubuntu 컨테이너 이미지(64 MB)', 'ubuntu container image (64 MB)'),
      bi('debian 컨테이너 이미지(114 MB)', 'debian container image (114 MB)'),
      bi('새로 설치한 Windows Server VM 디스크(6~9.5 GB)', 'Fresh Windows Server VM disk (6-9.5 GB)'),
    ],
    explanation: bi(
      '컨테이너 이미지는 커널 없이 필요한 파일만 담아 MB 단위입니다(alpine·ubuntu·debian 공식 이미지). VM은 ' +
        'OS 전체를 담아 GB 단위이며, Windows Server는 새로 설치해도 6~9.5 GB이고 파티션은 최소 32 GB가 ' +
        '필요합니다(Microsoft 문서).',
      'Container images hold only the files needed, no kernel: MB-sized ' +
        '(official alpine, ubuntu, debian images). A VM holds a whole OS: ' +
        'GB-sized; a fresh Windows Server takes 6-9.5 GB and needs a 32 GB ' +
        'partition at least (Microsoft documentation).',
    ),
  },
  {
    id: 'q-dk-007',
    topic: 'docker',
    type: 'single',
    timeLimitS: 20,
    prompt: bi(
      '컨테이너 5개가 쓰는 이미지 안의 OpenSSL 라이브러리에서 취약점이 발견되었습니다. 어떻게 고쳐야 할까요?',
      'A flaw is found in the OpenSSL library inside the image that five containers run from. How do you fix it?',
    ),
    options: [
      bi(
        '고친 라이브러리로 이미지를 다시 빌드하고, 새 이미지로 컨테이너를 다시 만든다',
        'Rebuild the image with the fixed library and recreate the containers from the new image',
      ),
      bi(
        '컨테이너는 호스트의 라이브러리를 쓰므로 호스트 OS만 패치하고 재부팅한다',
        "Patch and reboot only the host OS, since containers use the host's libraries",
      ),
      bi(
        '실행 중인 컨테이너 하나에서 패치하면 이미지도 함께 고쳐진다',
        'Patch inside one running container and the image is fixed too',
      ),
      bi('컨테이너에는 라이브러리가 없으므로 할 일이 없다', 'Nothing: containers carry no libraries'),
    ],
    correct: 0,
    explanation: bi(
      '컨테이너가 호스트와 공유하는 것은 커널뿐이고, 라이브러리(Bins/Libs)는 이미지 안에 들어 있습니다. 그래서 커널 취약점은 ' +
        '호스트를 패치해 고치지만, 이미지 안의 라이브러리는 이미지를 다시 빌드하고 그 이미지로 컨테이너를 새로 띄워야 고쳐집니다. ' +
        '이미지는 불변이라 실행 중인 컨테이너 안에서 고친 내용은 이미지에 남지 않고, 컨테이너를 새로 만들면 사라집니다.',
      'Containers share only the kernel with the host; their libraries ' +
        '(bins/libs) are inside the image. A kernel flaw is fixed by patching ' +
        'the host, but a library in the image is fixed only by rebuilding the ' +
        'image and starting the containers again from it. Images are immutable: ' +
        'a fix made inside a running container never reaches the image and is ' +
        'lost when the container is recreated.',
    ),
  },
  {
    id: 'q-dk-008',
    topic: 'docker',
    type: 'numeric',
    timeLimitS: 45,
    prompt: bi(
      '서비스 3개의 이미지가 모두 같은 ubuntu 베이스(64 MB) 위에 각각 10 MB, 20 MB, 30 MB의 자기 레이어를 ' +
        '얹었습니다. 레이어를 공유하면 디스크에 저장되는 이미지는 모두 몇 MB일까요?',
      "Three services' images all build on the same ubuntu base (64 MB) and " +
        'add their own layers of 10, 20 and 30 MB. With shared layers, how many ' +
        'MB of images are stored on disk?',
    ),
    correct: 124,
    tolerance: 1,
    unit: bi('MB', 'MB'),
    explanation: bi(
      '베이스 64 MB는 한 번만 저장되고 서비스마다 자기 레이어만 더해지므로 64 + 10 + 20 + 30 = 124 ' +
        'MB입니다(ubuntu 이미지 크기는 docker-alpine README의 비교표 기준). 공유하지 않는다면 3 × 64 + ' +
        '60 = 252 MB가 됩니다. 같은 레이어를 최대한 함께 쓰기 때문에 컨테이너는 적은 공간으로 동작합니다.',
      'The 64 MB base is stored once and only the own layers are added: 64 + ' +
        '10 + 20 + 30 = 124 MB (ubuntu image size: the comparison in the ' +
        'docker-alpine README). Without sharing it would be 3 × 64 + 60 = 252 ' +
        'MB. Sharing every layer it can is why containers need so little space.',
    ),
  },
  {
    id: 'q-dk-009',
    topic: 'docker',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      'docker pull로 이미지를 받을 때, 호스트에 이미 있는 레이어는 다시 내려받지 않는다.',
      'When docker pull fetches an image, layers already on the host are not downloaded again.',
    ),
    correct: true,
    explanation: bi(
      '참입니다. Docker 이미지는 레이어 단위로 저장되고 레이어마다 내용으로 만든 식별자(digest)가 있어서, 호스트에 없는 ' +
        '레이어만 레지스트리에서 받아 옵니다. 같은 베이스 이미지를 쓰는 서비스가 많을수록 배포가 빨라지고 디스크도 덜 쓰는 이유입니다.',
      'True. Docker images are stored as layers, each named by a digest of its ' +
        'content, so only the layers missing on the host are fetched from the ' +
        'registry. That is why deploying gets faster, and disk use smaller, the ' +
        'more services share a base image.',
    ),
  },

  // ------------------------------------------------------------ orchestration
  {
    id: 'q-or-001',
    topic: 'orchestration',
    type: 'numeric',
    timeLimitS: 30,
    prompt: bi(
      'Kubernetes 문서는 노드 하나에 파드를 110개 넘게 두지 말라고 권장합니다. 노드가 5개인 클러스터에 이 한도까지 파드를 띄우면 모두 몇 개일까요?',
      'Kubernetes recommends at most 110 pods per node. How many pods does a 5-node cluster run at that limit?',
    ),
    correct: 550,
    tolerance: 0,
    unit: bi('개', 'pods'),
    explanation: bi(
      '5 × 110 = 550개입니다(Kubernetes 문서 "대규모 클러스터 고려 사항"). 작은 컨테이너는 메모리가 바닥나기 ' +
        '전에 이런 관리 한도에 먼저 걸리기도 합니다. 반면 VM은 게스트 OS가 메모리를 많이 차지해서 대개 RAM이 먼저 바닥납니다.',
      '5 × 110 = 550 pods (Kubernetes, "Considerations for large clusters"). ' +
        'Small containers can hit such a management limit before memory runs ' +
        'out; VMs, whose guest OSes take a lot of memory, usually run out of RAM ' +
        'first.',
    ),
  },
  {
    id: 'q-or-002',
    topic: 'orchestration',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      'Kubernetes가 컨테이너를 실행하려면 반드시 Docker가 설치되어 있어야 한다.',
      'Kubernetes needs Docker installed in order to run containers.',
    ),
    correct: false,
    explanation: bi(
      '거짓입니다. Kubernetes는 CRI(컨테이너 런타임 인터페이스)를 통해 containerd나 CRI-O 같은 런타임으로 ' +
        '컨테이너를 실행합니다. Docker 전용 연결부(dockershim)는 Kubernetes 1.24에서 제거되었습니다. ' +
        'Docker로 빌드한 이미지는 OCI 표준이라 그대로 쓸 수 있습니다.',
      'False. Kubernetes runs containers through the Container Runtime ' +
        'Interface with runtimes such as containerd or CRI-O; the ' +
        'Docker-specific shim (dockershim) was removed in Kubernetes 1.24. ' +
        'Images built with Docker are OCI images and still work.',
    ),
  },
  {
    id: 'q-or-003',
    topic: 'orchestration',
    type: 'multi',
    timeLimitS: 30,
    prompt: bi('Kubernetes가 하는 일을 모두 고르세요.', 'Select everything Kubernetes does.'),
    options: [
      bi('컨테이너를 여러 노드에 배치(스케줄링)한다', 'Schedules containers onto nodes'),
      bi('죽은 컨테이너를 다시 시작한다', 'Restarts failed containers'),
      bi('부하에 따라 복제본 수를 늘리고 줄인다', 'Scales the number of replicas with load'),
      bi('파드마다 별도의 커널을 제공한다', 'Gives each pod its own kernel'),
      bi('컨테이너 런타임 없이 직접 컨테이너를 만든다', 'Creates containers itself, without a container runtime'),
      bi('노드의 호스트 커널을 자동으로 패치한다', "Patches every node's host kernel automatically"),
    ],
    correct: [0, 1, 2],
    explanation: bi(
      'Kubernetes는 수백 개의 컨테이너를 노드에 배치하고, 상태를 감시해 다시 시작하며, 복제본 수를 조절하는 ' +
        '오케스트레이터입니다. 컨테이너를 실제로 만드는 것은 노드의 런타임(containerd, CRI-O)이고, 파드는 노드의 커널을 ' +
        '공유합니다. 노드 OS와 커널의 패치는 여전히 운영자의 몫입니다.',
      'Kubernetes is an orchestrator: it places hundreds of containers on ' +
        "nodes, watches and restarts them, and scales replicas. The node's " +
        'runtime (containerd, CRI-O) actually creates the containers, pods share ' +
        "the node's kernel, and patching the nodes' OS and kernel is still the " +
        "operators' job.",
    ),
  },
  {
    id: 'q-or-004',
    topic: 'orchestration',
    type: 'ordering',
    timeLimitS: 45,
    prompt: bi(
      'Kubernetes에 새 버전을 배포하는 흐름을 순서대로 나열하세요.',
      'Order the steps of deploying a new version to Kubernetes.',
    ),
    items: [
      bi('이미지를 빌드해 레지스트리에 올림', 'Build the image and push it to a registry'),
      bi('Deployment 매니페스트를 적용(kubectl apply)', 'Apply the Deployment manifest (kubectl apply)'),
      bi('스케줄러가 파드를 둘 노드를 고름', 'The scheduler picks a node for each pod'),
      bi(
        '노드의 kubelet이 런타임(containerd 등)에 이미지 받기와 실행을 요청',
        "The node's kubelet asks its runtime (containerd...) to pull and start the image",
      ),
      bi('파드가 트래픽을 받기 시작', 'The pod starts serving traffic'),
    ],
    explanation: bi(
      'Kubernetes에서 이미지는 레지스트리를 통해 노드로 전달되고, 원하는 상태(Deployment)를 선언하면 스케줄러가 ' +
        '자리를 정하고, 각 노드의 kubelet이 컨테이너 런타임을 시켜 컨테이너를 띄웁니다.',
      'Images reach nodes through a registry; you declare the desired state (a ' +
        "Deployment), the scheduler places pods, and each node's kubelet has the " +
        'container runtime start the containers.',
    ),
  },
  {
    id: 'q-or-005',
    topic: 'orchestration',
    type: 'single',
    timeLimitS: 20,
    prompt: bi(
      '호스트에 여유가 있을 때 갑작스러운 트래픽 폭증에 가장 빨리 대응하는 방법은?',
      'When the host has room, what answers a sudden traffic spike fastest?',
    ),
    options: [
      bi(
        '오케스트레이터가 같은 이미지로 컨테이너 복제본을 늘린다',
        'The orchestrator adds container replicas from the same image',
      ),
      bi('새 VM을 만들고 OS를 설치한다', 'Create a new VM and install its OS'),
      bi('새 물리 서버를 주문한다', 'Order a new physical server'),
      bi('모든 서비스를 하나의 OS에 다시 설치한다', 'Reinstall every service on one OS'),
    ],
    correct: 0,
    explanation: bi(
      '컨테이너는 OS 부팅이 없어 약 1초 안에 뜨므로(docker run 0.6~1.2초, arXiv 2602.15214) ' +
        '오케스트레이터가 몇 초 만에 복제본을 늘릴 수 있습니다. VM은 부팅만 수 초~수 분(기본 KVM 7~9초, Depot 측정)이 ' +
        '걸리고, 물리 서버는 더 오래 걸립니다.',
      'Containers boot no OS and start in about a second (docker run 0.6-1.2 ' +
        's, arXiv 2602.15214), so an orchestrator can add replicas within ' +
        'seconds. A VM needs seconds to minutes just to boot (7-9 s on stock ' +
        'KVM, measured by Depot), and a physical server far longer.',
    ),
  },
  {
    id: 'q-or-006',
    topic: 'orchestration',
    type: 'matching',
    timeLimitS: 45,
    prompt: bi('Kubernetes 개념과 뜻을 짝지으세요.', 'Match each Kubernetes concept with its meaning.'),
    left: [
      bi('파드(Pod)', 'Pod'),
      bi('디플로이먼트(Deployment)', 'Deployment'),
      bi('서비스(Service)', 'Service'),
      bi('노드(Node)', 'Node'),
    ],
    right: [
      bi('파드를 실행하는 머신(물리 서버 또는 VM)', 'A machine (physical or a VM) that runs pods'),
      bi('여러 파드 앞의 고정 주소와 부하 분산', 'A stable address load-balancing across pods'),
      bi('네트워크를 함께 쓰는 컨테이너 묶음, 배포의 최소 단위', 'The smallest unit: containers sharing one network'),
      bi('복제본 N개를 유지하고 순차 업데이트', 'Keeps N replicas running and rolls out updates'),
    ],
    pairs: [2, 3, 1, 0],
    explanation: bi(
      '파드는 가장 작은 배포 단위, 디플로이먼트는 원하는 복제본 수와 업데이트를 관리, 서비스는 바뀌는 파드들 앞에 고정 주소를 ' +
        '제공, 노드는 파드를 실제로 실행하는 머신입니다. 노드가 VM인 경우도 많아, VM과 컨테이너는 함께 쓰입니다.',
      'A pod is the smallest deployable unit; a Deployment manages the desired ' +
        'replica count and updates; a Service gives changing pods a stable ' +
        'address; a node is the machine that runs them. Nodes are often VMs: VMs ' +
        'and containers are used together.',
    ),
  },
  {
    id: 'q-or-007',
    topic: 'orchestration',
    type: 'single',
    timeLimitS: 20,
    prompt: bi(
      '컨테이너 오케스트레이션 플랫폼이 필요한 가장 큰 이유는?',
      'Why is a container orchestration platform needed?',
    ),
    options: [
      bi(
        '작은 컨테이너 수백 개가 느슨하게 연결되어 있어 배치·관리를 자동화해야 하므로',
        'Hundreds of small, loosely coupled containers need automated placement and management',
      ),
      bi('컨테이너마다 게스트 OS를 설치해야 하므로', 'Each container needs a guest OS installed'),
      bi('컨테이너는 하나의 서버에서만 실행되므로', 'Containers only ever run on one server'),
      bi(
        '컨테이너는 스스로 시작할 수 없으므로 VM으로 바꿔야 하므로',
        'Containers cannot start by themselves and must become VMs',
      ),
    ],
    correct: 0,
    explanation: bi(
      '컨테이너는 작아서 보통 수백 개가 서로 느슨하게 연결되어 동작합니다. 이것들을 사람이 하나씩 배치하고 재시작할 수 없으므로 Kubernetes 같은 오케스트레이터로 프로비저닝과 관리를 자동화합니다.',
      'Containers are small, so systems typically run hundreds of them, ' +
        'loosely coupled. Nobody can place and restart them one by one, so an ' +
        'orchestrator such as Kubernetes automates provisioning and management.',
    ),
  },
  {
    id: 'q-or-008',
    topic: 'orchestration',
    type: 'truefalse',
    timeLimitS: 20,
    prompt: bi(
      'Kubernetes는 노드 하나가 고장 나면, Deployment가 관리하던 그 노드의 파드를 자리가 있는 다른 노드에 새로 만든다.',
      'When a node fails, Kubernetes recreates the pods a Deployment ran there on other nodes that have room.',
    ),
    correct: true,
    explanation: bi(
      '참입니다. 오케스트레이터는 "복제본 3개" 같은 원하는 상태를 계속 지키므로, 노드가 죽으면 컨트롤러가 관리하던 파드를 다른 ' +
        '노드에 다시 만듭니다. 다만 옮겨지는 것이 아니라 새로 시작되는 것이라 메모리에만 있던 내용은 사라지고, 지켜야 할 데이터는 ' +
        '외부 저장소(볼륨)에 있어야 합니다. 기본 설정에서는 노드가 NotReady나 Unreachable로 표시된 뒤 300초를 ' +
        '기다렸다가 파드를 내보냅니다(Kubernetes 문서). 다른 노드에 자리가 없으면 파드는 대기 상태로 남습니다.',
      'True. An orchestrator keeps enforcing the desired state (say, three ' +
        'replicas), so when a node dies its controller-managed pods are ' +
        'recreated elsewhere. They are started afresh, not moved: whatever was ' +
        'only in memory is lost, and data that matters must live in external ' +
        'storage (volumes). By default Kubernetes waits 300 s after a node is ' +
        'marked not ready or unreachable before evicting its pods (Kubernetes ' +
        'documentation), and pods with no room anywhere wait unscheduled.',
    ),
  },
  {
    id: 'q-or-009',
    topic: 'orchestration',
    type: 'multi',
    timeLimitS: 30,
    prompt: bi(
      '컨테이너 오케스트레이터를 도입할 때 새로 생기는 비용을 모두 고르세요.',
      'Select every new cost of adopting a container orchestrator.',
    ),
    options: [
      bi(
        '컨트롤 플레인(API 서버, 스케줄러, etcd)이 쓰는 CPU와 메모리',
        'CPU and memory for the control plane (API server, scheduler, etcd)',
      ),
      bi(
        '클러스터를 익히고 업그레이드하고 운영하는 노력',
        'The effort of learning, upgrading and operating the cluster',
      ),
      bi('컨테이너마다 게스트 OS를 하나씩 더 실행해야 한다', 'Each container needs an extra guest OS'),
      bi('기존 컨테이너 이미지를 쓸 수 없다', 'Existing container images can no longer be used'),
      bi('노드당 파드 수에 한도가 사라진다', 'The limit on pods per node disappears'),
    ],
    correct: [0, 1],
    explanation: bi(
      '오케스트레이션은 공짜가 아닙니다. 컨트롤 플레인이 자원을 쓰고, 클러스터를 운영하고 업그레이드하는 일이 새로 생깁니다. ' +
        '컨테이너가 몇 개뿐이라면 이 비용이 얻는 것보다 클 수도 있습니다. 게스트 OS가 늘지는 않고 이미지도 그대로 쓰며, 노드당 ' +
        '파드 110개라는 권장 한도(Kubernetes 문서)도 그대로입니다.',
      'Orchestration is not free: the control plane uses resources, and ' +
        'operating and upgrading the cluster is new work. With only a few ' +
        'containers the cost can outweigh the gain. No guest OS is added, images ' +
        'stay as they are, and the recommended limit of 110 pods per node ' +
        '(Kubernetes documentation) still applies.',
    ),
  },
  {
    id: 'q-or-010',
    topic: 'orchestration',
    type: 'single',
    timeLimitS: 25,
    prompt: bi(
      'Deployment의 복제본을 3개에서 10개로 늘렸지만, 노드에 남은 자원이 모자라 새 파드 4개를 놓을 곳이 없습니다. 이 파드들은 어떻게 될까요?',
      'You scale a Deployment from 3 to 10 replicas, but the nodes lack the ' +
        'free resources for 4 of the new pods. What happens to those pods?',
    ),
    options: [
      bi(
        '대기(Pending) 상태로 있다가, 자원이 생기거나 노드가 늘면 배치된다',
        'They stay Pending and are placed once resources free up or nodes are added',
      ),
      bi(
        '요청한 자원을 무시하고 가장 한가한 노드에 억지로 들어간다',
        'They squeeze onto the least busy node, ignoring their resource requests',
      ),
      bi('자동으로 VM으로 바뀌어 실행된다', 'They turn into VMs automatically'),
      bi('Kubernetes가 노드의 물리 메모리를 늘린다', 'Kubernetes adds physical memory to the nodes'),
    ],
    correct: 0,
    explanation: bi(
      '스케줄러는 파드가 요청한 CPU·메모리를 내줄 수 있는 노드에만 파드를 놓고, 자리가 없으면 파드는 Pending 상태로 ' +
        '기다립니다. 오케스트레이션은 있는 자원을 잘 나눠 쓰게 해 줄 뿐 자원을 만들어 내지는 않습니다. 트래픽 폭증에 빨리 늘리려면 ' +
        '노드에 여유를 남겨 두거나 클러스터 오토스케일러로 노드를 추가해야 합니다.',
      'The scheduler places a pod only on a node that can give it the CPU and ' +
        'memory it requests; otherwise the pod waits, Pending. Orchestration ' +
        'shares out the resources you have; it does not create any. To scale out ' +
        'fast on a spike, keep spare room on the nodes or add nodes with a ' +
        'cluster autoscaler.',
    ),
  },
];
