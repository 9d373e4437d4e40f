// The zsh script of `kubectl fargate completion zsh`: asks `kubectl-fargate __complete` for the
// words (with descriptions) and hands them to _describe. Works sourced (after compinit) or as a
// `_kubectl-fargate` file in $fpath.

export function zshScript(program: string): string {
  const fn = `_${program}`;
  return `#compdef ${program}
# zsh completion for ${program}, from \`kubectl fargate completion zsh\`.
# Load it with:  source <(${program} completion zsh)    (after compinit)

${fn}() {
    local out directive line value
    local -a candidates nospace
    # The words up to the cursor, unquoted; the last is the one being completed (maybe empty).
    out=$(\${(Q)words[1]} __complete "\${(@Q)words[2,CURRENT]}" 2>/dev/null) || return 1
    directive=\${out##*:}
    out=\${out%:*}
    [[ $directive == <-> ]] || return 1
    (( directive & 1 )) && return 1
    (( directive & 2 )) && nospace=(-S '')
    for line in "\${(@f)out}"; do
        [[ -n $line ]] || continue
        value=\${line%%$'\\t'*}
        # _describe reads "value:description"; a ":" in the value is escaped.
        if [[ $line == *$'\\t'* ]]; then
            candidates+=("\${value//:/\\\\:}:\${line#*$'\\t'}")
        else
            candidates+=("\${value//:/\\\\:}")
        fi
    done
    if (( \${#candidates} == 0 )); then
        (( directive & 4 )) && return 1
        _files
        return
    fi
    # --flag=VALUE: the values complete what follows "=".
    if [[ $PREFIX == -*=* ]]; then
        IPREFIX+=\${PREFIX%%=*}=
        PREFIX=\${PREFIX#*=}
    fi
    _describe -t values 'value' candidates "\${nospace[@]}"
}

if [[ $funcstack[1] == ${fn} ]]; then
    ${fn} "$@"
else
    compdef ${fn} ${program}
fi
`;
}
