// apps/v1, batch/v1 and policy/v1 messages: the workloads whose pod templates the sim runs, and
// the disruption budgets and evictions that guard them. Conventions: see meta.ts.
// From k8s.io/api: apps/v1/generated.proto, batch/v1/generated.proto, policy/v1/generated.proto.

export const APPS_PROTO = `
syntax = "proto3";
package k8s.io.api.apps.v1;

message Deployment {
  .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  DeploymentSpec spec = 2;
}

message DeploymentSpec {
  optional int32 replicas = 1;
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector selector = 2;
  .k8s.io.api.core.v1.PodTemplateSpec template = 3;
  DeploymentStrategy strategy = 4;
  int32 minReadySeconds = 5;
  optional int32 revisionHistoryLimit = 6;
  bool paused = 7;
  optional int32 progressDeadlineSeconds = 9;
}

message DeploymentStrategy {
  string type = 1;
  optional RollingUpdateDeployment rollingUpdate = 2;
}

message RollingUpdateDeployment {
  optional .k8s.io.apimachinery.pkg.util.intstr.IntOrString maxUnavailable = 1;
  optional .k8s.io.apimachinery.pkg.util.intstr.IntOrString maxSurge = 2;
}

message ReplicaSet {
  .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  ReplicaSetSpec spec = 2;
}

message ReplicaSetSpec {
  optional int32 replicas = 1;
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector selector = 2;
  .k8s.io.api.core.v1.PodTemplateSpec template = 3;
  int32 minReadySeconds = 4;
}

message StatefulSet {
  .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  StatefulSetSpec spec = 2;
}

message StatefulSetSpec {
  optional int32 replicas = 1;
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector selector = 2;
  .k8s.io.api.core.v1.PodTemplateSpec template = 3;
  repeated .k8s.io.api.core.v1.PersistentVolumeClaim volumeClaimTemplates = 4;
  string serviceName = 5;
  string podManagementPolicy = 6;
  StatefulSetUpdateStrategy updateStrategy = 7;
  optional int32 revisionHistoryLimit = 8;
  int32 minReadySeconds = 9;
  optional StatefulSetPersistentVolumeClaimRetentionPolicy persistentVolumeClaimRetentionPolicy = 10;
  optional StatefulSetOrdinals ordinals = 11;
}

message StatefulSetUpdateStrategy {
  string type = 1;
  optional RollingUpdateStatefulSetStrategy rollingUpdate = 2;
}

message RollingUpdateStatefulSetStrategy {
  optional int32 partition = 1;
  optional .k8s.io.apimachinery.pkg.util.intstr.IntOrString maxUnavailable = 2;
}

message StatefulSetPersistentVolumeClaimRetentionPolicy {
  string whenDeleted = 1;
  string whenScaled = 2;
}

message StatefulSetOrdinals {
  int32 start = 1;
}

message DaemonSet {
  .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  DaemonSetSpec spec = 2;
}

message DaemonSetSpec {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector selector = 1;
  .k8s.io.api.core.v1.PodTemplateSpec template = 2;
  DaemonSetUpdateStrategy updateStrategy = 3;
  int32 minReadySeconds = 4;
  optional int32 revisionHistoryLimit = 6;
}

message DaemonSetUpdateStrategy {
  string type = 1;
  optional RollingUpdateDaemonSet rollingUpdate = 2;
}

message RollingUpdateDaemonSet {
  optional .k8s.io.apimachinery.pkg.util.intstr.IntOrString maxUnavailable = 1;
  optional .k8s.io.apimachinery.pkg.util.intstr.IntOrString maxSurge = 2;
}
`;

export const BATCH_PROTO = `
syntax = "proto3";
package k8s.io.api.batch.v1;

message Job {
  .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  JobSpec spec = 2;
}

message JobSpec {
  optional int32 parallelism = 1;
  optional int32 completions = 2;
  optional int64 activeDeadlineSeconds = 3;
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector selector = 4;
  optional bool manualSelector = 5;
  .k8s.io.api.core.v1.PodTemplateSpec template = 6;
  optional int32 backoffLimit = 7;
  optional int32 ttlSecondsAfterFinished = 8;
  optional string completionMode = 9;
  optional bool suspend = 10;
  optional int32 backoffLimitPerIndex = 12;
  optional int32 maxFailedIndexes = 13;
  optional string podReplacementPolicy = 14;
  optional string managedBy = 15;
}

message CronJob {
  .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  CronJobSpec spec = 2;
}

message CronJobSpec {
  string schedule = 1;
  optional int64 startingDeadlineSeconds = 2;
  string concurrencyPolicy = 3;
  optional bool suspend = 4;
  JobTemplateSpec jobTemplate = 5;
  optional int32 successfulJobsHistoryLimit = 6;
  optional int32 failedJobsHistoryLimit = 7;
  optional string timeZone = 8;
}

message JobTemplateSpec {
  .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  JobSpec spec = 2;
}
`;

export const POLICY_PROTO = `
syntax = "proto3";
package k8s.io.api.policy.v1;

message PodDisruptionBudget {
  .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  PodDisruptionBudgetSpec spec = 2;
}

message PodDisruptionBudgetSpec {
  optional .k8s.io.apimachinery.pkg.util.intstr.IntOrString minAvailable = 1;
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector selector = 2;
  optional .k8s.io.apimachinery.pkg.util.intstr.IntOrString maxUnavailable = 3;
  optional string unhealthyPodEvictionPolicy = 4;
}

message Eviction {
  .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions deleteOptions = 2;
}
`;
