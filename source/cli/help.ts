// Plain text, no imports: `--help` must stay fast.

export function helpText(): string {
  return `See which EKS Fargate profile every pod matches, why, and reschedule drifted pods.

Usage:
  kubectl fargate [flags]                      live view (a table when not on a terminal)
  kubectl fargate check [flags]                list pods needing reschedule or blocked; exit 1 if any
  kubectl fargate reschedule [-n NS] POD...    evict or re-create pods so Fargate profiles apply
  kubectl fargate reschedule --all [-n NS|-A]  every pod that needs it
  kubectl fargate check --upgrade              Fargate pods that block the next control-plane upgrade; exit 1 if any
  kubectl fargate reschedule --outdated [-n NS|-A]  recycle them onto the control plane's kubelet
  kubectl fargate restore FILE...              re-create pods from reschedule backups
  kubectl fargate restore --pending            re-create every pod an unfinished reschedule left deleted
  kubectl fargate version
  kubectl fargate completion SHELL             shell completion script: bash, zsh, fish, powershell

Kubernetes flags (as kubectl):
      --kubeconfig FILE        kubeconfig to use (default: $KUBECONFIG, then ~/.kube/config)
      --context NAME           kubeconfig context to use
      --cluster NAME           kubeconfig cluster entry to use instead of the context's
  -n, --namespace NS           only this namespace
  -A, --all-namespaces         all namespaces (the default)
  -l, --selector SELECTOR      label selector, e.g. app=web,tier!=db
      --request-timeout DUR    per-request timeout, e.g. 30s, 1m; 0 = none (default), at most 24h
                               (an exec credential plugin gets 30s when none is set)

AWS flags (default: inferred from the kubeconfig context; credentials from the AWS SDK chain):
      --eks-cluster NAME|ARN   EKS cluster name, or its ARN (gives the region too); writes are
                               refused unless it is the kubeconfig's cluster
      --region REGION          AWS region of the cluster
      --profile NAME           AWS profile (like AWS_PROFILE)
      --profiles-file FILE     add profiles from an eksctl ClusterConfig or describe-fargate-profile
                               JSON, as if ACTIVE (what-if preview; repeatable)
      --no-aws                 do not call EKS; only --profiles-file profiles count

Output flags:
  -o, --output FORMAT          json | yaml | wide | table
      --json                   same as -o json
      --no-headers             tables without the header row
      --color WHEN             auto | always | never (NO_COLOR is honoured)
      --read-only              the live view offers no destructive keys
      --demo                   run against a built-in simulated EKS cluster

Reschedule and restore flags:
      --all                    reschedule every pod that needs it (in -n NS, or all with -A)
  -y, --yes                    do not ask for confirmation
      --dry-run[=MODE]         client (bare --dry-run): print the plan and the manifests, send
                               nothing; server: send every write with dryRun=All (admission and
                               PodDisruptionBudgets answer, nothing changes); none: a real run
      --backup-dir DIR         where to save manifests before deleting, also for the live view's r
                               (default: ~/.local/state/kubectl-fargate/backups)
      --timeout DUR            bound each wait, e.g. 2m, at most 24h (default: 5m; also for the
                               live view's r)
      --from SOURCE            re-create bare pods from: live (default: the pod as it runs now) or
                               last-applied (kubectl's last-applied-configuration)
      --pending                restore: every pod an unfinished reschedule left deleted
      --outdated               reschedule the Fargate pods whose kubelet is older than the control
                               plane (they block the next upgrade), in -n NS or all with -A
      --strategy WAY           controller pods: evict (the Eviction API, pod by pod) or restart (a
                               rollout restart of each Deployment and StatefulSet, waiting for it);
                               default: evict, except a one-replica Deployment eviction would take down

Check flags:
      --upgrade                check: only the Fargate pods that block the next control-plane
                               upgrade, by workload; exit 1 if any

  -h, --help                   this help
      --version                print the version

Flags follow kubectl: -n test, -ntest, -n=test, --namespace test, --namespace=test; grouped
booleans (-Ay); --no-headers=false; the last of a repeated flag wins (--profiles-file adds up);
-- ends the flags.

Exit codes: 0 ok, 1 runtime failure (or check found pods), 2 usage error.
`;
}
