// The PowerShell script of `kubectl fargate completion powershell`: asks `kubectl-fargate
// __complete` for the words (with descriptions). Returning nothing lets PowerShell complete
// paths; the "no files" directive returns one empty result instead.

export function powershellScript(program: string): string {
  return `# PowerShell completion for ${program}, from \`kubectl fargate completion powershell\`.
# Load it with:  ${program} completion powershell | Out-String | Invoke-Expression

Register-ArgumentCompleter -Native -CommandName '${program}', '${program}.exe' -ScriptBlock {
    param($WordToComplete, $CommandAst, $CursorPosition)
    $elements = @($CommandAst.CommandElements | Where-Object { $_.Extent.StartOffset -lt $CursorPosition })
    $program = $elements[0].Extent.Text
    $words = @()
    foreach ($element in ($elements | Select-Object -Skip 1)) {
        if ($element -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $words += $element.Value }
        else { $words += $element.Extent.Text }
    }
    if ($WordToComplete -eq '') {
        # The word being completed is empty; Windows PowerShell drops '' passed to a program.
        if ($PSVersionTable.PSVersion -ge [version]'7.3') { $words += '' } else { $words += '""' }
    }
    $out = @(& $program __complete @words 2>$null)
    if ($out.Count -eq 0 -or $out[-1] -notmatch '^:(\\d+)$') { return }
    $directive = [int]$Matches[1]
    if ($directive -band 1) { return }
    $lines = @($out | Select-Object -First ($out.Count - 1) | Where-Object { $_ -ne '' })
    if ($lines.Count -eq 0) {
        if ($directive -band 4) { return [System.Management.Automation.CompletionResult]::new(' ', ' ', 'ParameterValue', ' ') }
        return
    }
    # PowerShell replaces the whole word: --flag=VALUE candidates keep the "--flag=".
    $prefix = ''
    if ($WordToComplete -like '-*=*') { $prefix = $WordToComplete.Substring(0, $WordToComplete.IndexOf('=') + 1) }
    foreach ($line in $lines) {
        $value, $description = $line -split "\`t", 2
        $text = $prefix + $value
        if ($text -match '[\\s''"\`$(){}@;,|&<>#]') { $text = "'" + ($text -replace "'", "''") + "'" }
        if (-not $description) { $description = $value }
        [System.Management.Automation.CompletionResult]::new($text, $value, 'ParameterValue', $description)
    }
}
`;
}
