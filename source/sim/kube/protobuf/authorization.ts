// authorization/v1: the SelfSubjectAccessReview `kubectl auth can-i` posts. Conventions: see meta.ts.
// From k8s.io/api: authorization/v1/generated.proto.

export const AUTHORIZATION_PROTO = `
syntax = "proto3";
package k8s.io.api.authorization.v1;

message SelfSubjectAccessReview {
  .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  SelfSubjectAccessReviewSpec spec = 2;
}

message SelfSubjectAccessReviewSpec {
  optional ResourceAttributes resourceAttributes = 1;
  optional NonResourceAttributes nonResourceAttributes = 2;
}

message ResourceAttributes {
  string namespace = 1;
  string verb = 2;
  string group = 3;
  string version = 4;
  string resource = 5;
  string subresource = 6;
  string name = 7;
  optional FieldSelectorAttributes fieldSelector = 8;
  optional LabelSelectorAttributes labelSelector = 9;
}

message NonResourceAttributes {
  string path = 1;
  string verb = 2;
}

message FieldSelectorAttributes {
  string rawSelector = 1;
  repeated .k8s.io.apimachinery.pkg.apis.meta.v1.FieldSelectorRequirement requirements = 2;
}

message LabelSelectorAttributes {
  string rawSelector = 1;
  repeated .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement requirements = 2;
}
`;
