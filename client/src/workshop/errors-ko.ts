// The shared validator's messages (shared/content/validate.ts, in English) said in Korean for a Korean teacher.
// Each rule matches one message shape the validator writes; a message no rule knows is shown as it is.
const EXPECTED: Record<string, string> = {
  text: '글자',
  'a number': '숫자',
  'a whole number': '정수',
  'true or false': '참/거짓',
  'an object': '객체',
  'a list': '목록',
};
const NOUN: Record<string, string> = {
  option: '보기',
  item: '항목',
  entry: '항목',
  question: '문항',
  card: '카드',
  scenario: '시나리오',
};

type Rule = [RegExp, (m: RegExpExecArray) => string];
const RULES: Rule[] = [
  [/^is required but missing/, () => '필수 항목입니다'],
  [/^must not be empty$/, () => '비워 둘 수 없습니다'],
  [
    /^must be (text|a number|a whole number|true or false|an object|a list), not (.+)$/,
    (m) => `${EXPECTED[m[1]!]}여야 합니다 (입력: ${m[2]})`,
  ],
  [/^must be at least (\d+) characters long$/, (m) => `${m[1]}자 이상이어야 합니다`],
  [
    /^must be at most (\d+) characters long(?: \(it has (\d+)\))?$/,
    (m) => `${m[1]}자 이하여야 합니다${m[2] ? ` (현재 ${m[2]}자)` : ''}`,
  ],
  [
    /^must have at least (\d+) entr(?:y|ies)(?: \(has (\d+)\))?$/,
    (m) => `${m[1]}개 이상 있어야 합니다${m[2] ? ` (현재 ${m[2]}개)` : ''}`,
  ],
  [
    /^must have at most (\d+) entries(?: \(has (\d+)\))?$/,
    (m) => `${m[1]}개 이하여야 합니다${m[2] ? ` (현재 ${m[2]}개)` : ''}`,
  ],
  [/^must be greater than (\S+), not (.+)$/, (m) => `${m[1]}보다 커야 합니다 (입력: ${m[2]})`],
  [/^must be less than (\S+), not (.+)$/, (m) => `${m[1]}보다 작아야 합니다 (입력: ${m[2]})`],
  [/^must be (\S+) or more, not (.+)$/, (m) => `${m[1]} 이상이어야 합니다 (입력: ${m[2]})`],
  [/^must be (\S+) or less, not (.+)$/, (m) => `${m[1]} 이하여야 합니다 (입력: ${m[2]})`],
  [/^unknown (?:topic|value) (.+): must be one of (.+)$/, (m) => `알 수 없는 값 ${m[1]}: ${m[2]} 중 하나여야 합니다`],
  [/^unknown field (.+?):/, (m) => `팩 형식에 없는 필드 ${m[1]}입니다 (철자를 확인하세요)`],
  [
    /^(.+) is not valid: must be an id/,
    (m) => `${m[1]}: ID는 영문자·숫자로 시작하고 영문자·숫자·-·_·.만 쓸 수 있습니다 (64자 이하)`,
  ],
  [
    /^duplicate (option|item|entry) (.+) \(same as (.+)\)$/,
    (m) => `${NOUN[m[1]!]} ${m[2]}이(가) 중복됩니다 (${m[3]}과 같음)`,
  ],
  [
    /^duplicate (question|card|scenario) id (.+) \(already used by (.+)\)$/,
    (m) => `${NOUN[m[1]!]} ID ${m[2]}이(가) 중복됩니다 (${m[3]}에서 사용 중)`,
  ],
  [
    /^answer index (\d+) is out of range \((\d+) options?\)$/,
    (m) => `정답 번호 ${m[1]}이(가) 범위를 벗어났습니다 (보기 ${m[2]}개)`,
  ],
  [/^must list at least one correct option$/, () => '정답을 하나 이상 골라야 합니다'],
  [/^answer index (\d+) is listed more than once$/, (m) => `정답 번호 ${m[1]}이(가) 두 번 이상 들어 있습니다`],
  [
    /^has (\d+) entries but left has (\d+)/,
    (m) => `왼쪽은 ${m[2]}개인데 ${m[1]}개입니다: 왼쪽 항목마다 짝이 하나씩 있어야 합니다`,
  ],
  [/^right-hand index (\d+) is out of range/, (m) => `오른쪽 번호 ${m[1]}이(가) 범위를 벗어났습니다`],
  [/^right-hand index (\d+) is already matched to (.+?):/, (m) => `오른쪽 번호 ${m[1]}은(는) 이미 ${m[2]}과 짝입니다`],
  [/^card (.+) is already in this deck \((.+)\)$/, (m) => `카드 ${m[1]}이(가) 이미 덱에 있습니다 (${m[2]})`],
  [/^unknown card (.+?):/, (m) => `이 팩에 ID가 ${m[1]}인 카드가 없습니다`],
  [
    /^card (.+) arrives at (\S+) s, after the race ends \(lengthS (\S+)\)$/,
    (m) => `카드 ${m[1]}이(가) ${m[2]}초에 도착해 경주 종료(${m[3]}초) 뒤입니다`,
  ],
  [
    /^the event at (\S+) s comes after the race ends \(lengthS (\S+)\)$/,
    (m) => `${m[1]}초의 이벤트가 경주 종료(${m[2]}초) 뒤에 있습니다`,
  ],
  [/^question (.+) is already in this round/, (m) => `문항 ${m[1]}이(가) 이미 이 라운드에 있습니다`],
  [/^unknown question (.+?):/, (m) => `이 팩에 ID가 ${m[1]}인 문항이 없습니다`],
  [/^unknown scenario (.+?):/, (m) => `이 팩에 ID가 ${m[1]}인 시나리오가 없습니다`],
  [
    /^card (.+) cannot be deployed/,
    (m) => `카드 ${m[1]}은(는) 이 호스트에서 어떤 배포 방식도 허용되지 않습니다: 요구 사항을 바꾸세요`,
  ],
];

export function koMessage(message: string): string {
  for (const [re, say] of RULES) {
    const m = re.exec(message);
    if (m) return say(m);
  }
  return message;
}
