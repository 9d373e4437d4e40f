// `kubectl fargate SUBCOMMAND --help`: what the subcommand does, its own flags and examples (as
// `kubectl logs --help` has); the shared flags are in the main help. Plain text, no imports:
// `--help` must stay fast.

const SEE_ALSO = 'The Kubernetes, AWS and output flags of `kubectl fargate --help` apply too.\n';

const HELP: Record<string, string> = {
  check: `List the pods that need a reschedule or are blocked; exit 1 if there are any (0 if none).

Usage:
  kubectl fargate check [flags]

Examples:
  kubectl fargate check                       # every namespace; a table
  kubectl fargate check -n payments -o json   # one namespace, as JSON
  kubectl fargate check --profiles-file cluster.yaml --no-aws   # would an eksctl config fix them?

${SEE_ALSO}`,
  reschedule: `Evict (owned pods) or back up, delete and re-create (bare pods) the given pods so that the
Fargate profile EKS would choose now applies. Asks first unless --yes; --dry-run previews.

Usage:
  kubectl fargate reschedule [-n NS] POD...
  kubectl fargate reschedule --all [-n NS | -A]

Flags:
      --all                    every pod that needs it (in -n NS, or all with -A)
  -y, --yes                    do not ask for confirmation
      --dry-run[=MODE]         client (bare --dry-run): the plan only; server: dryRun=All writes
      --backup-dir DIR         where bare pods are backed up before the delete
      --timeout DUR            bound each wait, e.g. 2m (default 5m)
      --from SOURCE            re-create bare pods from: live (default) or last-applied

Examples:
  kubectl fargate reschedule -n test test --dry-run        # what would happen, nothing sent
  kubectl fargate reschedule -n apps web-7d9f8c-abcde      # asks, then evicts it
  kubectl fargate reschedule --all -n apps --yes --json    # every pod of apps that needs it

${SEE_ALSO}`,
  restore: `Re-create pods from the backups a reschedule saved (the restore command it printed).

Usage:
  kubectl fargate restore FILE...
  kubectl fargate restore --pending

Flags:
      --pending                every pod an unfinished reschedule left deleted
  -y, --yes                    do not ask for confirmation
      --dry-run[=MODE]         print what would be re-created; send nothing

Examples:
  kubectl fargate restore ~/.local/state/kubectl-fargate/backups/ctx/test/test-20260101T000000Z.yaml
  kubectl fargate restore --pending --dry-run             # what a killed run left behind

${SEE_ALSO}`,
};

/** The subcommand's own help, or null for one that has none (the main help then). */
export function commandHelpText(command: string): string | null {
  return HELP[command] ?? null;
}
