// The bash script of `kubectl fargate completion bash`: asks `kubectl-fargate __completeNoDesc`
// (completion-request.ts) for the words and hands them to bash. Needs bash >= 4 (compopt); no
// bash-completion package. `kubectl fargate <TAB>` itself goes through kubectl's own completion
// and kubectl_complete-fargate instead.

export function bashScript(program: string): string {
  const fn = `__${program.replace(/[^A-Za-z0-9_]/g, '_')}_complete`;
  return `# bash completion for ${program}, from \`kubectl fargate completion bash\`.
# Load it with:  source <(${program} completion bash)

${fn}() {
    local line=\${COMP_LINE:0:COMP_POINT} words=() args=() candidates=() i w arg space out directive c
    # Bash split the line at "=" and ":" too (COMP_WORDBREAKS); join those pieces back:
    # --context=arn:aws:eks:... is one word to ${program}.
    for ((i = 0; i <= COMP_CWORD; i++)); do
        w=\${COMP_WORDS[i]}
        space=\${line%%[![:space:]]*}
        line=\${line#"$space"}
        line=\${line#"$w"}
        if ((i > 0)) && [[ -z $space ]] && [[ $w == [=:]* || \${words[\${#words[@]}-1]} == *[=:] ]]; then
            words[\${#words[@]}-1]+=$w
        else
            words+=("$w")
        fi
    done
    # Undo the quoting typed ("my ns", ~/dir), but never run anything: words with $, \`, globs,
    # redirections or parentheses are passed as typed.
    for w in "\${words[@]}"; do
        arg=$w
        if [[ $w != *[\\$\\\`\\(\\)\\<\\>\\;\\|\\&\\*\\?\\[]* ]]; then
            eval "arg=$w" 2>/dev/null || arg=$w
        fi
        args+=("$arg")
    done
    out=$("\${args[0]}" __completeNoDesc "\${args[@]:1}" 2>/dev/null) || return 0
    directive=\${out##*:}
    out=\${out%:*}
    [[ $directive =~ ^[0-9]+$ ]] || return 0
    (( directive & 1 )) && return 0
    (( directive & 2 )) && compopt -o nospace
    while IFS= read -r c; do
        [[ -n $c ]] && candidates+=("\${c%%$'\\t'*}")
    done <<< "$out"
    if (( \${#candidates[@]} == 0 )); then
        # Nothing to offer: file names, unless told otherwise.
        (( directive & 4 )) && compopt +o default
        return 0
    fi
    # Bash replaces only the text after the last "=" or ":" (its own current word); the
    # candidates are whole values: drop the part typed before that.
    local typed=\${words[\${#words[@]}-1]} replaced=\${COMP_WORDS[COMP_CWORD]}
    [[ $typed == -*=* ]] && typed=\${typed#*=}
    [[ $replaced == *[!=:]* ]] || replaced=
    local cut=$(( \${#typed} - \${#replaced} ))
    for i in "\${!candidates[@]}"; do
        c=\${candidates[i]}
        (( cut > 0 )) && c=\${c:cut}
        [[ $c == *[[:space:]\\'\\"\\\\\\$\\\`\\;\\&\\|\\<\\>\\(\\)\\*\\?\\[\\]\\{\\}\\!\\#]* ]] && printf -v c '%q' "$c"
        COMPREPLY+=("$c")
    done
}

complete -o default -F ${fn} ${program}
`;
}
