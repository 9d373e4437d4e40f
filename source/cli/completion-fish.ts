// The fish script of `kubectl fargate completion fish`: asks `kubectl-fargate __complete` for the
// words (with descriptions). With no candidate and no "no files" directive, fish's own file
// completion applies (the rule's condition fails).

export function fishScript(program: string): string {
  const fn = `__${program.replace(/[^A-Za-z0-9_]/g, '_')}`;
  return `# fish completion for ${program}, from \`kubectl fargate completion fish\`.
# Load it with:  ${program} completion fish | source

function ${fn}_prepare
    set -g ${fn}_results
    # The words before the cursor (unquoted), then the one being completed.
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    set -l out ($words[1] __complete $words[2..-1] $current 2>/dev/null)
    or return 1
    set -l directive (string replace -r '^:' '' -- $out[-1])
    string match -qr '^[0-9]+$' -- $directive; or return 1
    test (math "bitand($directive, 1)") -eq 0; or return 1
    set -e out[-1]
    if test (count $out) -eq 0
        # No candidates: fish completes file names unless told not to.
        test (math "bitand($directive, 4)") -ne 0
        return
    end
    # fish replaces the whole word: --flag=VALUE candidates keep the "--flag=".
    set -l prefix ''
    if string match -q -- '-*=*' $current
        set prefix (string replace -r '=.*' '=' -- $current)
    end
    for line in $out
        set -a ${fn}_results "$prefix$line"
    end
    return 0
end

complete -c ${program} -e
complete -c ${program} -n ${fn}_prepare -f -a '$${fn}_results'
`;
}
