@echo off
rem kubectl (1.26 or later) runs this for `kubectl fargate` followed by TAB, with the words typed after
rem `kubectl fargate`; kubectl-fargate answers in cobra's completion protocol.
rem Put it on PATH next to kubectl-fargate.exe (krew does not link it: see the README).
if exist "%~dp0kubectl-fargate.exe" (
  "%~dp0kubectl-fargate.exe" __complete %*
) else (
  kubectl-fargate.exe __complete %*
)
