// Kubernetes protobuf messages shared by every API group. Field numbers are the Kubernetes API's
// (they never change); only the fields the sim keeps are listed, others are skipped on decode.
// Conventions of these schema files (read by to-json.ts):
// - proto3 syntax. `optional` marks a field Go holds as a pointer: present on the wire means set,
//   even when zero (replicas: 0). A plain field is a Go value, which Kubernetes always encodes;
//   its zero value means "not set" and is dropped, as JSON's omitempty does.
// - [(inline) = true] marks a Go struct embedded with `json:",inline"`: its fields are lifted
//   into the parent in JSON (a Volume's source, a selector's LocalObjectReference).
//
// From k8s.io/apimachinery: pkg/runtime/generated.proto (TypeMeta, Unknown),
// pkg/apis/meta/v1/generated.proto (ObjectMeta, OwnerReference, Time, LabelSelector,
// LabelSelectorRequirement, FieldSelectorRequirement, DeleteOptions, Preconditions),
// pkg/util/intstr/generated.proto (IntOrString), pkg/api/resource/generated.proto (Quantity).

export const RUNTIME_PROTO = `
syntax = "proto3";
package k8s.io.apimachinery.pkg.runtime;

message TypeMeta {
  string apiVersion = 1;
  string kind = 2;
}

// The envelope after the "k8s\\0" magic.
message Unknown {
  TypeMeta typeMeta = 1;
  bytes raw = 2;
  string contentEncoding = 3;
  string contentType = 4;
}
`;

export const META_PROTO = `
syntax = "proto3";
package k8s.io.apimachinery.pkg.apis.meta.v1;

message ObjectMeta {
  string name = 1;
  string generateName = 2;
  string namespace = 3;
  string uid = 5;
  string resourceVersion = 6;
  int64 generation = 7;
  Time creationTimestamp = 8;
  optional Time deletionTimestamp = 9;
  optional int64 deletionGracePeriodSeconds = 10;
  map<string, string> labels = 11;
  map<string, string> annotations = 12;
  repeated OwnerReference ownerReferences = 13;
  repeated string finalizers = 14;
}

message OwnerReference {
  string kind = 1;
  string name = 3;
  string uid = 4;
  string apiVersion = 5;
  optional bool controller = 6;
  optional bool blockOwnerDeletion = 7;
}

// Seconds and nanoseconds since the epoch; JSON writes RFC 3339.
message Time {
  int64 seconds = 1;
  int32 nanos = 2;
}

message LabelSelector {
  map<string, string> matchLabels = 1;
  repeated LabelSelectorRequirement matchExpressions = 2;
}

message LabelSelectorRequirement {
  string key = 1;
  string operator = 2;
  repeated string values = 3;
}

message FieldSelectorRequirement {
  string key = 1;
  string operator = 2;
  repeated string values = 3;
}

message DeleteOptions {
  optional int64 gracePeriodSeconds = 1;
  optional Preconditions preconditions = 2;
  optional bool orphanDependents = 3;
  optional string propagationPolicy = 4;
  repeated string dryRun = 5;
}

message Preconditions {
  optional string uid = 1;
  optional string resourceVersion = 2;
}
`;

export const INTSTR_PROTO = `
syntax = "proto3";
package k8s.io.apimachinery.pkg.util.intstr;

// type 0: intVal, type 1: strVal; JSON writes the number or the string.
message IntOrString {
  int64 type = 1;
  int32 intVal = 2;
  string strVal = 3;
}
`;

export const RESOURCE_PROTO = `
syntax = "proto3";
package k8s.io.apimachinery.pkg.api.resource;

// JSON writes the string ("250m", "1Gi").
message Quantity {
  string string = 1;
}
`;
