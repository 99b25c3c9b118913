/** Small English and Kubernetes vocabularies that turn titles and notes into newsletter sentences. */

/** Names that stay lowercase even at the start of a sentence; "Kubernetes" is a proper noun. */
const LOWERCASE_NAMES = /^(?:kube(?!rnetes$)[\w-]*|kubectl|kubeadm|kubelet|client-go|cli-runtime|etcd|containerd|cri-o|crictl|kustomize|kind|kops|minikube|klog|cadvisor|golangci-lint|go|gomega|ginkgo|iptables|nftables|ipvs|cgroups?|runc|systemd|x\/\w+)$/;

// Module constants: a regular expression literal in a function is a new object each time it runs.
export const WORD_GAP = /\s+/;
const LOWERCASE_COMPOUND = /^[a-z]+[-.][a-z]/;
const SIBILANT_OR_O_ENDING = /(?:s|sh|ch|x|z|o)$/;
const CONSONANT_Y_ENDING = /[^aeiou]y$/;

export function capitalizeFirst(text: string): string {
  // The text up to its first space, found without splitting: the usual text is one word.
  const gap = text.search(WORD_GAP);
  const first = gap < 0 ? text : text.slice(0, gap);
  if (LOWERCASE_NAMES.test(first) || LOWERCASE_COMPOUND.test(first)) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** CamelCase words that are API kinds or proper names rather than identifiers to put in code. */
const PLAIN_CAMEL = new Set(
  (
    "StatefulSet StatefulSets DaemonSet DaemonSets ReplicaSet ReplicaSets ConfigMap ConfigMaps " +
    "PersistentVolume PersistentVolumes PersistentVolumeClaim PersistentVolumeClaims StorageClass " +
    "StorageClasses IngressClass IngressClasses EndpointSlice EndpointSlices ServiceAccount " +
    "ServiceAccounts CustomResourceDefinition CustomResourceDefinitions CertificateSigningRequest " +
    "CertificateSigningRequests CronJob CronJobs NetworkPolicy NetworkPolicies PodDisruptionBudget " +
    "ResourceQuota LimitRange ClusterRole ClusterRoleBinding RoleBinding VolumeAttachment " +
    "LoadBalancer NodePort ClusterIP ExternalName OpenAPI GitHub CoreDNS PowerShell JavaScript " +
    "TypeScript WebSocket WebSockets YouTube SELinux OAuth AppArmor gRPC eBPF macOS cAdvisor iOS"
  ).split(" "),
);

/** A feature-gate-like name: CamelCase with at least two humps, or an acronym and a word ("CSIMigration"). */
export function isGateName(word: string): boolean {
  return GATE.test(word) && !PLAIN_CAMEL.has(word);
}

const FLAG = /^--?[a-zA-Z][\w-]*(?:=\S*)?$/;
const GATE = /^[A-Z]+[a-z0-9]+(?:[A-Z]+[a-z0-9]*)+$|^[A-Z]{2,}[a-z][a-z0-9]{2,}$/;
const CAMEL_FIELD = /^[a-z][a-z0-9]*(?:[A-Z][a-zA-Z0-9]*)+$/;
const SNAKE = /^[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+$/;
const DOTTED = /^[\w-]+(?:\.[\w-]+)+(?:\/[\w./-]*)?$/;
const VERSION_LIKE = /^[a-z]*-?v?\d+(?:\.\d+)*[a-z]*$/i;
const ROOTED_PATH = /^\/{1,2}[\w.:-]+(?:\/[\w.:-]*)*$/;
const REPO_PATH = /^(?:pkg|cmd|hack|staging|test|build|vendor|api|plugin|cluster|third_party)\/[\w./-]+$|^[\w.-]+\/[\w.-]+\/[\w./-]+$/;
const CALL = /^[\w.]+\(\)$/;
/** No dash, underscore, dot, slash, parentheses or inner capital: no pattern of an identifier fits. */
const PLAIN_WORD = /^[A-Za-z][a-z]*$/;

/** A word of letters, capitalized or not, with nothing inside that an identifier would have. */
export function isPlainWord(word: string): boolean {
  return PLAIN_WORD.test(word);
}

/** Whether a bare word is an identifier (flag, gate, field, metric, path, ...) that belongs in code. */
export function isIdentifier(word: string): boolean {
  // Most words of a sentence are plain words, which none of the patterns below can match.
  if (word.length < 2 || isPlainWord(word)) return false;
  if (FLAG.test(word) || CALL.test(word) || SNAKE.test(word)) return true;
  if (CAMEL_FIELD.test(word) || GATE.test(word)) return !PLAIN_CAMEL.has(word);
  if (ROOTED_PATH.test(word) || REPO_PATH.test(word)) return true;
  if (DOTTED.test(word) && !VERSION_LIKE.test(word)) {
    return word.length >= 5 && word.split(/[./]/).some((part) => part.length >= 3);
  }
  return false;
}

const BASE_VERBS = new Set(
  (
    "add fix support introduce remove deprecate update allow enable disable expose mark enforce replace " +
    "promote implement improve make use change move rename switch set decouple track normalize restore " +
    "drop bump pick prevent avoid ensure handle skip return honor honour respect validate reject extend " +
    "graduate wire emit record log report register reduce increase speed optimize migrate convert split " +
    "refactor clean delete create define document enhance limit stop start provide pass include exclude " +
    "expand wrap mount print warn show let require accept apply unify consolidate align default configure " +
    "trace enforce mark lock unlock export tolerate retry preserve propagate populate serve " +
    "publish deliver detect surface gate graduate add cache watch run build generate verify check sort " +
    "supply monitor consider speed select control help indicate differentiate distinguish identify specify " +
    "choose keep reuse override customize tune recover bind schedule fetch read write send receive share " +
    "find filter query compute calculate measure display inspect debug deploy restart drain evict preempt " +
    "reserve allocate free prune collect gather load reload rotate renew authenticate authorize encrypt " +
    "decrypt protect isolate resolve forward connect ignore fail succeed work break clear reset retain " +
    "upgrade downgrade revert revise clarify modify reorganize relax simplify recreate omit suspend " +
    "tighten contain adjust rework rewrite harden loosen truncate sanitize redact hide suppress adopt " +
    "regenerate rebuild reword attach detach bypass fire declare deregister turn mitigate call perform " +
    "disallow append shrink list prepare wait treat mask escape try leverage finish terminate discard " +
    "restrict prioritize execute address continue expect unmount"
  ).split(" "),
);
// A Map, not an object: a word like "constructor" must not find Object.prototype's members.
const IRREGULAR_PAST = new Map([["made", "make"], ["set", "set"], ["ran", "run"], ["built", "build"], ["let", "let"], ["shrank", "shrink"]]);
/** Negated helpers: "X can't be Y" and "X shouldn't error" have their verb there too. */
export const NEGATED_AUXILIARIES = "cannot can't couldn't won't wouldn't shouldn't isn't aren't wasn't weren't hasn't haven't doesn't didn't don't mustn't".split(" ");
export const AUXILIARIES = new Set([
  ..."is are was were be been can could will would should may might must has have had gets becomes become no".split(" "),
  ...NEGATED_AUXILIARIES,
]);

/** The base form of a verb in any of its forms ("Added", "adds", "add" → "add"), if it is one we know. */
export function baseVerb(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (BASE_VERBS.has(lower)) return lower;
  const irregular = IRREGULAR_PAST.get(lower);
  if (irregular) return irregular;
  // Only words ending in -s or -d can be an inflection we undo. Candidates are tried one at a time,
  // first match wins: "-ies" → "-y", "-es", "-s"; "-ied" → "-y", "-ed", "-d", a doubled consonant.
  const last = lower.at(-1);
  if (last === "s") {
    return knownVerb(lower.endsWith("ies") ? `${lower.slice(0, -3)}y` : undefined) ??
      knownVerb(lower.endsWith("es") ? lower.slice(0, -2) : undefined) ??
      knownVerb(lower.slice(0, -1));
  }
  if (last !== "d") return undefined;
  return knownVerb(lower.endsWith("ied") ? `${lower.slice(0, -3)}y` : undefined) ??
    knownVerb(lower.endsWith("ed") ? lower.slice(0, -2) : undefined) ??
    knownVerb(lower.slice(0, -1)) ??
    knownVerb(DOUBLED_BEFORE_ED.test(lower) ? lower.slice(0, -3) : undefined);
}

/** "dropped", "planned": the consonant doubled before -ed. */
const DOUBLED_BEFORE_ED = /(\w)\1ed$/;
const knownVerb = (candidate: string | undefined): string | undefined => (candidate !== undefined && BASE_VERBS.has(candidate) ? candidate : undefined);

export function thirdPerson(base: string): string {
  if (SIBILANT_OR_O_ENDING.test(base)) return `${base}es`;
  if (CONSONANT_Y_ENDING.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

/** Whether a word, in the middle of a sentence, is its main verb ("uses", "can", "supports"). */
export function isFiniteVerb(word: string): boolean {
  const lower = word.toLowerCase();
  if (AUXILIARIES.has(lower)) return true;
  const base = baseVerb(lower);
  return base !== undefined && lower !== base && lower === thirdPerson(base);
}

export const PREPOSITIONS = new Set(
  "with in for on by from during via using through beside besides into at across within without instead after before under over per as to of and or when".split(
    " ",
  ),
);
/** Words that start a dependent clause: the sentence's point lies before them. */
export const CLAUSE_BREAKS = new Set(
  "which that so because since when where whether if unless while although allowing used using based whereas thus".split(" "),
);
/** "and"/"or": a word that joins two of a kind. */
export const COORDINATORS = new Set(["and", "or"]);
export const DANGLING = new Set("the a an of to for and or and/or with in on by from as at its their this that due".split(" "));
/** Openers of a sentence whose main clause comes later. */
export const SUBORDINATE_START = /^(?:if|when|whenever|while|since|because|although|unless|after|before|once|in order|for example|note)\b/i;
