// Which deployment choices the rules allow for a card on a host, and why not.
import { DEPLOY_KINDS, PLACEMENTS } from '../types.js';
import type { DeployChoice, DeployKind, HostSpec, WorkloadCard, Why } from '../types.js';

const OS_NAME = { linux: { ko: '리눅스', en: 'Linux' }, windows: { ko: '윈도우', en: 'Windows' } } as const;

/** Kinds that run on a Type 1 hypervisor on bare metal: only on a 'server' host. */
const TYPE1_KINDS: readonly DeployKind[] = ['vm-full', 'vm-para', 'microvm'];

/** Kinds that run container images on the host kernel or a sandbox of it. */
const CONTAINER_KINDS: readonly DeployKind[] = ['container', 'sandboxed-container', 'orchestrated-container'];

/** PaaS and SaaS leave the deployment kind to the provider; the engine records it as 'container'. */
export function normalizeChoice(choice: DeployChoice): DeployChoice {
  return choice.placement === 'paas' || choice.placement === 'saas'
    ? { kind: 'container', placement: choice.placement }
    : choice;
}

/** Every reason the rules forbid this choice (empty when allowed). Capacity is checked elsewhere. */
export function ruleBlockers(card: WorkloadCard, host: HostSpec, rawChoice: DeployChoice): Why[] {
  const { kind, placement } = normalizeChoice(rawChoice);
  const out: Why[] = [];
  const offPrem = placement !== 'on-prem';

  if (offPrem && card.residency === 'on-prem') {
    out.push({
      topic: 'on-prem',
      ko: '기관 방침에 따라 이 워크로드의 데이터는 자체 시설(온프레미스) 밖으로 나갈 수 없어 클라우드에 둘 수 없습니다.',
      en:
        'The organisation’s policy keeps this workload’s data on its own ' +
        'premises, so it cannot go to a cloud service.',
    });
  }
  if ((placement === 'paas' || placement === 'saas') && card.needsOsControl) {
    out.push({
      topic: 'service-models',
      ko: 'PaaS·SaaS에서는 OS를 제공자가 관리합니다. OS 제어가 필요하면 IaaS나 온프레미스를 쓰세요 (NIST SP 800-145).',
      en:
        'In PaaS and SaaS the provider manages the OS; a workload that needs OS ' +
        'control needs IaaS or on-premise (NIST SP 800-145).',
      source: 'NIST',
    });
  }
  if (card.needsCustomKernel && (CONTAINER_KINDS.includes(kind) || placement === 'paas' || placement === 'saas')) {
    out.push({
      topic: 'container',
      ko: '컨테이너는 호스트 커널을 공유하므로 자기만의 커널이나 커널 모듈을 둘 수 없습니다. 자체 커널이 있는 VM이 필요합니다.',
      en:
        'Containers share the host kernel, so they cannot bring their own kernel ' +
        'or kernel module; this needs a VM with its own kernel.',
    });
  }
  if (placement === 'saas' && !card.saasAvailable) {
    out.push({
      topic: 'service-models',
      ko: '이 일을 하는 완성된 SaaS 제품이 없습니다. SaaS는 제공자의 애플리케이션을 쓰는 모델입니다.',
      en: 'No ready-made SaaS product does this job: SaaS means using the provider’s application.',
      source: 'NIST',
    });
  }

  if (placement === 'on-prem') {
    if ((CONTAINER_KINDS.includes(kind) || kind === 'traditional') && card.guestOs !== host.os) {
      out.push({
        topic: kind === 'traditional' ? 'traditional' : 'container',
        ko:
          `${OS_NAME[card.guestOs].ko} 워크로드는 ${OS_NAME[host.os].ko} 호스트 커널 위에서 ` +
          `${kind === 'traditional' ? '직접 설치해' : '컨테이너로'} ` +
          `실행할 수 없습니다. 다른 OS는 VM이 필요합니다.`,
        en:
          `A ${OS_NAME[card.guestOs].en} workload cannot run ` +
          `${kind === 'traditional' ? 'installed' : 'in a container'} ` +
          `on a ${OS_NAME[host.os].en} host kernel; another OS needs a VM.`,
      });
    }
    if (kind === 'orchestrated-container' && host.os !== 'linux') {
      out.push({
        topic: 'orchestration',
        ko: 'Kubernetes의 컨트롤 플레인은 리눅스에서만 돕니다. Windows 서버는 워커 노드로만 들어갈 수 있어서, Windows 호스트만으로는 클러스터를 꾸릴 수 없습니다.',
        en:
          'The Kubernetes control plane runs on Linux only; Windows servers join a ' +
          'cluster as worker nodes, so a Windows-only host pool cannot form one.',
      });
    }
    if (kind === 'sandboxed-container' && host.os !== 'linux') {
      out.push({
        topic: 'container',
        ko: '샌드박스 컨테이너(gVisor 방식)는 리눅스 호스트에서만 동작합니다.',
        en: 'Sandboxed containers (gVisor-style) run on a Linux host only.',
        source: 'GV',
      });
    }
    if (TYPE1_KINDS.includes(kind) && host.machine !== 'server') {
      out.push({
        topic: 'hypervisor-type1',
        ko:
          '이 데스크톱 PC는 평소 쓰는 OS를 그대로 두고, 그 위에 설치한 호스트형(Type 2) 하이퍼바이저로 VM을 돌립니다. ' +
          '그래서 여기서는 Type 1 방식을 고를 수 없습니다. 리눅스 PC라면 KVM을 켜 Type 1로 쓸 수도 있지만, 이 ' +
          '시나리오는 그렇게 설정하지 않았습니다.',
        en:
          'This desktop PC keeps its everyday OS and runs VMs in a hosted (Type 2) ' +
          'hypervisor installed on it, so Type 1 kinds are not offered here. (On a ' +
          'Linux PC, KVM could make it Type 1; this scenario is not set up that ' +
          'way.)',
      });
    }
    if (kind === 'vm-type2' && host.machine !== 'desktop') {
      out.push({
        topic: 'hypervisor-type2',
        ko: '이 서버는 Type 1 하이퍼바이저로 운영됩니다. Type 2(호스트형)는 데스크톱 OS 위에서 쓰는 방식입니다.',
        en: 'This server runs a Type 1 hypervisor; a Type 2 (hosted) hypervisor is for a desktop OS.',
      });
    }
    if (kind === 'microvm' && (card.guestOs !== 'linux' || host.os !== 'linux')) {
      out.push({
        topic: 'vm',
        ko: 'Firecracker 같은 microVM은 리눅스 KVM 위에서 리눅스 게스트만 실행합니다.',
        en: 'MicroVMs such as Firecracker run Linux guests on Linux KVM only.',
        source: 'FCS',
      });
    }
  }
  if (placement === 'iaas' && (kind === 'traditional' || kind === 'vm-type2' || kind === 'microvm')) {
    out.push({
      topic: 'service-models',
      ko: '이 게임에서 IaaS는 가상 머신(또는 그 위의 컨테이너)을 빌려 줍니다. 실제 제공자는 베어메탈 서버도 빌려 주지만, 여기서 전통적 설치·Type 2·microVM은 고를 수 없습니다.',
      en:
        'In this game IaaS rents you virtual machines (or containers on them); ' +
        'real providers also rent bare-metal servers. Traditional installs, Type ' +
        '2 and microVMs are not choices here.',
      source: 'NIST',
    });
  }
  if (placement === 'iaas' && kind === 'orchestrated-container') {
    out.push({
      topic: 'orchestration',
      ko: '이 게임의 오케스트레이터는 여러분의 온프레미스 호스트에서 돌아갑니다. 클라우드의 관리형 Kubernetes는 여기서 고를 수 없습니다.',
      en:
        'In this game the orchestrator runs on your own on-premise hosts; a ' +
        'cloud’s managed Kubernetes is not a choice here.',
    });
  }
  if (placement === 'iaas' && kind === 'sandboxed-container' && card.guestOs !== 'linux') {
    out.push({
      topic: 'container',
      ko: '샌드박스 컨테이너는 리눅스 워크로드용입니다.',
      en: 'Sandboxed containers are for Linux workloads.',
      source: 'GV',
    });
  }
  if (kind === 'vm-para' && (placement === 'on-prem' || placement === 'iaas') && !card.modifiableKernel) {
    out.push({
      topic: 'para-virt',
      ko: '반가상화는 게스트 OS 커널을 수정해 하이퍼콜을 쓰게 해야 합니다. 이 게스트는 커널을 수정할 수 없으니 전가상화를 쓰세요.',
      en:
        'Para-virtualization needs a guest kernel modified to make hypercalls; ' +
        'this guest’s kernel cannot be modified, so use full virtualization.',
      source: 'X',
    });
  }
  return out;
}

/** All choices the rules allow for this card on this host, ignoring free capacity. */
export function legalChoices(card: WorkloadCard, host: HostSpec): DeployChoice[] {
  const out: DeployChoice[] = [];
  for (const placement of PLACEMENTS) {
    const kinds: readonly DeployKind[] = placement === 'paas' || placement === 'saas' ? ['container'] : DEPLOY_KINDS;
    for (const kind of kinds) {
      const choice = { kind, placement: placement };
      if (ruleBlockers(card, host, choice).length === 0) out.push(choice);
    }
  }
  return out;
}
