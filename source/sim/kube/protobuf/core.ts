// core/v1 messages the sim reads: Namespace, Pod (and the pod template every workload carries),
// ConfigMap, Secret, Service, ServiceAccount, PersistentVolumeClaim (StatefulSet claim templates).
// Conventions: see meta.ts. From k8s.io/api: core/v1/generated.proto. Long because it is the
// schema text itself, kept in the upstream message order.

export const CORE_PROTO = `
syntax = "proto3";
package k8s.io.api.core.v1;

message Namespace {
  .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  NamespaceSpec spec = 2;
}

message NamespaceSpec {
  repeated string finalizers = 1;
}

message Pod {
  .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  PodSpec spec = 2;
}

message PodTemplateSpec {
  .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  PodSpec spec = 2;
}

message PodSpec {
  repeated Volume volumes = 1;
  repeated Container containers = 2;
  string restartPolicy = 3;
  optional int64 terminationGracePeriodSeconds = 4;
  optional int64 activeDeadlineSeconds = 5;
  string dnsPolicy = 6;
  map<string, string> nodeSelector = 7;
  string serviceAccountName = 8;
  string serviceAccount = 9;
  string nodeName = 10;
  bool hostNetwork = 11;
  bool hostPID = 12;
  bool hostIPC = 13;
  optional PodSecurityContext securityContext = 14;
  repeated LocalObjectReference imagePullSecrets = 15;
  string hostname = 16;
  string subdomain = 17;
  optional Affinity affinity = 18;
  string schedulerName = 19;
  repeated Container initContainers = 20;
  optional bool automountServiceAccountToken = 21;
  repeated Toleration tolerations = 22;
  string priorityClassName = 24;
  optional int32 priority = 25;
  optional bool shareProcessNamespace = 27;
  repeated PodReadinessGate readinessGates = 28;
  optional string runtimeClassName = 29;
  optional bool enableServiceLinks = 30;
  optional string preemptionPolicy = 31;
  repeated TopologySpreadConstraint topologySpreadConstraints = 33;
  optional PodOS os = 36;
}

message Container {
  string name = 1;
  string image = 2;
  repeated string command = 3;
  repeated string args = 4;
  string workingDir = 5;
  repeated ContainerPort ports = 6;
  repeated EnvVar env = 7;
  ResourceRequirements resources = 8;
  repeated VolumeMount volumeMounts = 9;
  optional Probe livenessProbe = 10;
  optional Probe readinessProbe = 11;
  string terminationMessagePath = 13;
  string imagePullPolicy = 14;
  optional SecurityContext securityContext = 15;
  bool stdin = 16;
  bool stdinOnce = 17;
  bool tty = 18;
  repeated EnvFromSource envFrom = 19;
  string terminationMessagePolicy = 20;
  optional Probe startupProbe = 22;
  optional string restartPolicy = 24;
}

message ContainerPort {
  string name = 1;
  int32 hostPort = 2;
  int32 containerPort = 3;
  string protocol = 4;
  string hostIP = 5;
}

message EnvVar {
  string name = 1;
  string value = 2;
  optional EnvVarSource valueFrom = 3;
}

message EnvVarSource {
  optional ObjectFieldSelector fieldRef = 1;
  optional ResourceFieldSelector resourceFieldRef = 2;
  optional ConfigMapKeySelector configMapKeyRef = 3;
  optional SecretKeySelector secretKeyRef = 4;
}

message EnvFromSource {
  string prefix = 1;
  optional ConfigMapEnvSource configMapRef = 2;
  optional SecretEnvSource secretRef = 3;
}

message ConfigMapEnvSource {
  LocalObjectReference localObjectReference = 1 [(inline) = true];
  optional bool optional = 2;
}

message SecretEnvSource {
  LocalObjectReference localObjectReference = 1 [(inline) = true];
  optional bool optional = 2;
}

message ObjectFieldSelector {
  string apiVersion = 1;
  string fieldPath = 2;
}

message ResourceFieldSelector {
  string containerName = 1;
  string resource = 2;
  .k8s.io.apimachinery.pkg.api.resource.Quantity divisor = 3;
}

message ConfigMapKeySelector {
  LocalObjectReference localObjectReference = 1 [(inline) = true];
  string key = 2;
  optional bool optional = 3;
}

message SecretKeySelector {
  LocalObjectReference localObjectReference = 1 [(inline) = true];
  string key = 2;
  optional bool optional = 3;
}

message LocalObjectReference {
  string name = 1;
}

message ObjectReference {
  string kind = 1;
  string namespace = 2;
  string name = 3;
  string uid = 4;
  string apiVersion = 5;
  string resourceVersion = 6;
  string fieldPath = 7;
}

message ResourceRequirements {
  map<string, .k8s.io.apimachinery.pkg.api.resource.Quantity> limits = 1;
  map<string, .k8s.io.apimachinery.pkg.api.resource.Quantity> requests = 2;
}

message VolumeMount {
  string name = 1;
  bool readOnly = 2;
  string mountPath = 3;
  string subPath = 4;
  optional string mountPropagation = 5;
  string subPathExpr = 6;
}

message Probe {
  ProbeHandler handler = 1 [(inline) = true];
  int32 initialDelaySeconds = 2;
  int32 timeoutSeconds = 3;
  int32 periodSeconds = 4;
  int32 successThreshold = 5;
  int32 failureThreshold = 6;
  optional int64 terminationGracePeriodSeconds = 7;
}

message ProbeHandler {
  optional ExecAction exec = 1;
  optional HTTPGetAction httpGet = 2;
  optional TCPSocketAction tcpSocket = 3;
  optional GRPCAction grpc = 4;
}

message ExecAction {
  repeated string command = 1;
}

message HTTPGetAction {
  string path = 1;
  .k8s.io.apimachinery.pkg.util.intstr.IntOrString port = 2;
  string host = 3;
  string scheme = 4;
  repeated HTTPHeader httpHeaders = 5;
}

message HTTPHeader {
  string name = 1;
  string value = 2;
}

message TCPSocketAction {
  .k8s.io.apimachinery.pkg.util.intstr.IntOrString port = 1;
  string host = 2;
}

message GRPCAction {
  int32 port = 1;
  optional string service = 2;
}

message SecurityContext {
  optional Capabilities capabilities = 1;
  optional bool privileged = 2;
  optional int64 runAsUser = 4;
  optional bool runAsNonRoot = 5;
  optional bool readOnlyRootFilesystem = 6;
  optional bool allowPrivilegeEscalation = 7;
  optional int64 runAsGroup = 8;
  optional string procMount = 9;
  optional SeccompProfile seccompProfile = 11;
}

message Capabilities {
  repeated string add = 1;
  repeated string drop = 2;
}

message PodSecurityContext {
  optional int64 runAsUser = 2;
  optional bool runAsNonRoot = 3;
  repeated int64 supplementalGroups = 4;
  optional int64 fsGroup = 5;
  optional int64 runAsGroup = 6;
  optional string fsGroupChangePolicy = 9;
  optional SeccompProfile seccompProfile = 10;
}

message SeccompProfile {
  string type = 1;
  optional string localhostProfile = 2;
}

message Toleration {
  string key = 1;
  string operator = 2;
  string value = 3;
  string effect = 4;
  optional int64 tolerationSeconds = 5;
}

message Affinity {
  optional NodeAffinity nodeAffinity = 1;
  optional PodAffinity podAffinity = 2;
  optional PodAntiAffinity podAntiAffinity = 3;
}

message NodeAffinity {
  optional NodeSelector requiredDuringSchedulingIgnoredDuringExecution = 1;
  repeated PreferredSchedulingTerm preferredDuringSchedulingIgnoredDuringExecution = 2;
}

message NodeSelector {
  repeated NodeSelectorTerm nodeSelectorTerms = 1;
}

message NodeSelectorTerm {
  repeated NodeSelectorRequirement matchExpressions = 1;
  repeated NodeSelectorRequirement matchFields = 2;
}

message NodeSelectorRequirement {
  string key = 1;
  string operator = 2;
  repeated string values = 3;
}

message PreferredSchedulingTerm {
  int32 weight = 1;
  NodeSelectorTerm preference = 2;
}

message PodAffinity {
  repeated PodAffinityTerm requiredDuringSchedulingIgnoredDuringExecution = 1;
  repeated WeightedPodAffinityTerm preferredDuringSchedulingIgnoredDuringExecution = 2;
}

message PodAntiAffinity {
  repeated PodAffinityTerm requiredDuringSchedulingIgnoredDuringExecution = 1;
  repeated WeightedPodAffinityTerm preferredDuringSchedulingIgnoredDuringExecution = 2;
}

message PodAffinityTerm {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector labelSelector = 1;
  repeated string namespaces = 2;
  string topologyKey = 3;
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector namespaceSelector = 4;
}

message WeightedPodAffinityTerm {
  int32 weight = 1;
  PodAffinityTerm podAffinityTerm = 2;
}

message TopologySpreadConstraint {
  int32 maxSkew = 1;
  string topologyKey = 2;
  string whenUnsatisfiable = 3;
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector labelSelector = 4;
  optional int32 minDomains = 5;
}

message PodReadinessGate {
  string conditionType = 1;
}

message PodOS {
  string name = 1;
}

message Volume {
  string name = 1;
  VolumeSource volumeSource = 2 [(inline) = true];
}

// The sources Fargate accepts, and a few it refuses (hostPath, nfs, EBS, CSI inline).
message VolumeSource {
  optional HostPathVolumeSource hostPath = 1;
  optional EmptyDirVolumeSource emptyDir = 2;
  optional AWSElasticBlockStoreVolumeSource awsElasticBlockStore = 4;
  optional SecretVolumeSource secret = 6;
  optional NFSVolumeSource nfs = 7;
  optional PersistentVolumeClaimVolumeSource persistentVolumeClaim = 10;
  optional DownwardAPIVolumeSource downwardAPI = 16;
  optional ConfigMapVolumeSource configMap = 19;
  optional ProjectedVolumeSource projected = 26;
  optional CSIVolumeSource csi = 28;
  optional EphemeralVolumeSource ephemeral = 29;
}

message HostPathVolumeSource {
  string path = 1;
  optional string type = 2;
}

message EmptyDirVolumeSource {
  string medium = 1;
  optional .k8s.io.apimachinery.pkg.api.resource.Quantity sizeLimit = 2;
}

message AWSElasticBlockStoreVolumeSource {
  string volumeID = 1;
  string fsType = 2;
  int32 partition = 3;
  bool readOnly = 4;
}

message SecretVolumeSource {
  string secretName = 1;
  repeated KeyToPath items = 2;
  optional int32 defaultMode = 3;
  optional bool optional = 4;
}

message NFSVolumeSource {
  string server = 1;
  string path = 2;
  bool readOnly = 3;
}

message PersistentVolumeClaimVolumeSource {
  string claimName = 1;
  bool readOnly = 2;
}

message DownwardAPIVolumeSource {
  repeated DownwardAPIVolumeFile items = 1;
  optional int32 defaultMode = 2;
}

message DownwardAPIVolumeFile {
  string path = 1;
  optional ObjectFieldSelector fieldRef = 2;
  optional ResourceFieldSelector resourceFieldRef = 3;
  optional int32 mode = 4;
}

message ConfigMapVolumeSource {
  LocalObjectReference localObjectReference = 1 [(inline) = true];
  repeated KeyToPath items = 2;
  optional int32 defaultMode = 3;
  optional bool optional = 4;
}

message KeyToPath {
  string key = 1;
  string path = 2;
  optional int32 mode = 3;
}

message ProjectedVolumeSource {
  repeated VolumeProjection sources = 1;
  optional int32 defaultMode = 2;
}

message VolumeProjection {
  optional SecretProjection secret = 1;
  optional DownwardAPIProjection downwardAPI = 2;
  optional ConfigMapProjection configMap = 3;
  optional ServiceAccountTokenProjection serviceAccountToken = 4;
}

message SecretProjection {
  LocalObjectReference localObjectReference = 1 [(inline) = true];
  repeated KeyToPath items = 2;
  optional bool optional = 4;
}

message ConfigMapProjection {
  LocalObjectReference localObjectReference = 1 [(inline) = true];
  repeated KeyToPath items = 2;
  optional bool optional = 4;
}

message DownwardAPIProjection {
  repeated DownwardAPIVolumeFile items = 1;
}

message ServiceAccountTokenProjection {
  string audience = 1;
  optional int64 expirationSeconds = 2;
  string path = 3;
}

message CSIVolumeSource {
  string driver = 1;
  optional bool readOnly = 2;
  optional string fsType = 3;
  map<string, string> volumeAttributes = 4;
  optional LocalObjectReference nodePublishSecretRef = 5;
}

message EphemeralVolumeSource {
  optional PersistentVolumeClaimTemplate volumeClaimTemplate = 1;
}

message PersistentVolumeClaimTemplate {
  .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  PersistentVolumeClaimSpec spec = 2;
}

message PersistentVolumeClaim {
  .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  PersistentVolumeClaimSpec spec = 2;
}

message PersistentVolumeClaimSpec {
  repeated string accessModes = 1;
  VolumeResourceRequirements resources = 2;
  string volumeName = 3;
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector selector = 4;
  optional string storageClassName = 5;
  optional string volumeMode = 6;
}

message VolumeResourceRequirements {
  map<string, .k8s.io.apimachinery.pkg.api.resource.Quantity> limits = 1;
  map<string, .k8s.io.apimachinery.pkg.api.resource.Quantity> requests = 2;
}

message ConfigMap {
  .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  map<string, string> data = 2;
  map<string, bytes> binaryData = 3;
  optional bool immutable = 4;
}

message Secret {
  .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  map<string, bytes> data = 2;
  string type = 3;
  map<string, string> stringData = 4;
  optional bool immutable = 5;
}

message Service {
  .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  ServiceSpec spec = 2;
}

message ServiceSpec {
  repeated ServicePort ports = 1;
  map<string, string> selector = 2;
  string clusterIP = 3;
  string type = 4;
  repeated string externalIPs = 5;
  string sessionAffinity = 7;
  string loadBalancerIP = 8;
  repeated string loadBalancerSourceRanges = 9;
  string externalName = 10;
  string externalTrafficPolicy = 11;
  int32 healthCheckNodePort = 12;
  bool publishNotReadyAddresses = 13;
  optional string ipFamilyPolicy = 17;
  repeated string clusterIPs = 18;
  repeated string ipFamilies = 19;
  optional bool allocateLoadBalancerNodePorts = 20;
  optional string loadBalancerClass = 21;
  optional string internalTrafficPolicy = 22;
}

message ServicePort {
  string name = 1;
  string protocol = 2;
  int32 port = 3;
  .k8s.io.apimachinery.pkg.util.intstr.IntOrString targetPort = 4;
  int32 nodePort = 5;
  optional string appProtocol = 6;
}

message ServiceAccount {
  .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  repeated ObjectReference secrets = 2;
  repeated LocalObjectReference imagePullSecrets = 3;
  optional bool automountServiceAccountToken = 4;
}
`;
