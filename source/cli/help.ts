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
  kubectl fargate profile list                 the Fargate profiles, with pods running and captured
  kubectl fargate profile export [NAME...] -o eksctl|terraform|cloudformation|json
  kubectl fargate profile create NAME --selector NS[:key=value,...] [--wait [--reschedule]]
  kubectl fargate profile replace OLD --name NEW --selector NS[:key=value,...]
  kubectl fargate profile delete NAME [--wait]   asks for NAME to be typed (or --yes)
  kubectl fargate version [-o json|yaml]
  kubectl fargate completion SHELL             shell completion script: bash, zsh, fish, powershell

Kubernetes flags (as kubectl):
      --kubeconfig FILE        kubeconfig to use (default: $KUBECONFIG, then ~/.kube/config)
      --context NAME           kubeconfig context to use
      --cluster NAME           kubeconfig cluster entry to use instead of the context's
      --contexts LIST          several clusters at once: context names or globs (* ?), comma-
                               separated, e.g. 'prod-*,stage-1'; for tables, -o json|yaml, check
      --all-contexts           every context of the kubeconfig, as --contexts
      --concurrency N          clusters read at once with --contexts/--all-contexts (default 4)
  -n, --namespace NS           only this namespace
  -A, --all-namespaces         all namespaces (the default)
  -l, --selector SELECTOR      label selector, e.g. app=web,tier!=db
      --field-selector SEL     pod field selector, e.g. status.phase=Running,spec.nodeName=x
      --request-timeout DUR    per-request timeout, e.g. 30s, 1m; 0 = none (default), at most 24h
                               (an exec credential plugin gets 30s when none is set)
      --user NAME              kubeconfig user entry to use instead of the context's
  -s, --server URL             the API server's address instead of the kubeconfig's
      --token TOKEN            bearer token instead of the kubeconfig user's credentials
      --as USER                impersonate this user (Impersonate-User)
      --as-group GROUP         impersonate this group too, with --as (repeatable)
      --as-uid UID             impersonate this UID too, with --as
      --certificate-authority FILE   CA file to verify the server with
      --client-certificate FILE      client certificate file for TLS
      --client-key FILE        client key file for TLS
      --tls-server-name NAME   server name to verify the certificate against (and send as SNI)
      --insecure-skip-tls-verify     do not verify the server's certificate (insecure)
  -v, --v LEVEL                request log on stderr: 6 each request, 7 its headers, 8 bodies

AWS flags (default: inferred from the kubeconfig context; credentials from the AWS SDK chain):
      --eks-cluster NAME|ARN   EKS cluster name, or its ARN (gives the region too); writes are
                               refused unless it is the kubeconfig's cluster
      --region REGION          AWS region of the cluster
      --profile NAME           AWS profile (like AWS_PROFILE)
      --profiles-file FILE     add profiles from an eksctl ClusterConfig or describe-fargate-profile
                               JSON, as if ACTIVE (what-if preview; repeatable)
      --no-aws                 do not call EKS; only --profiles-file profiles count

Output flags:
  -o, --output FORMAT          json | yaml | wide | table | name | jsonpath=TEMPLATE |
                               jsonpath-file=FILE | custom-columns=SPEC | custom-columns-file=FILE
      --json                   same as -o json
      --no-headers             tables without the header row
      --sort-by JSONPATH       sort pods by a field of their --json form, e.g. .size.hourlyUsd
      --show-labels            tables get a LABELS column
  -w, --watch                  print the table, then a row for every pod that changes
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

Profile flags (profile create|replace; --yes, --dry-run, --timeout, --backup-dir as above):
      --selector NS[:k=v,...]  a Fargate selector (repeatable, up to 5; * and ? wildcards)
      --role ARN               pod execution role (default: the one the ACTIVE profiles agree on)
      --subnets a,b            private subnets (default: those the ACTIVE profiles agree on)
      --tag k=v                tag the profile (repeatable)
      --name NEW               replace: the new profile's name
      --wait                   create, delete: wait until ACTIVE, or gone
      --reschedule             create: then reschedule the pods it captures (implies --wait)

  -h, --help                   this help
      --version                print the version

Flags follow kubectl: -n test, -ntest, -n=test, --namespace test, --namespace=test; grouped
booleans (-Ay); --no-headers=false; the last of a repeated flag wins (--profiles-file adds up);
-- ends the flags.

Exit codes: 0 ok; 1 runtime failure, or check found pods to act on; 2 usage error;
3 check could not tell (Kubernetes or AWS failed; with --contexts: a cluster could not be read,
and none had findings).
`;
}
