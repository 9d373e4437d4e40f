import { Box, Text } from 'ink';
import { awsWord, connectionWord } from '../../view-model/words/cluster.js';
import { ageText } from '../../view-model/words/pod.js';
import { blockingText } from '../../view-model/words/upgrade.js';
import { useUIState } from '../app/contexts.js';
import { Segments, type SegmentItem } from '../components/Segments.js';
import { toneStyle, type Style } from '../theme.js';
import { runCounts, runStatusText } from '../state/run-progress.js';

const NOTICE_MS = 5000;

/** Who/where (context, cluster, region, AWS), the cluster at a glance, freshness and problems. */
export function StatusBar() {
  const { view, theme: t, now, layout, nav, run, quitting, profileChange } = useUIState();
  const { identity, aws, connection, totals } = view;
  const proposed = view.profiles.filter((p) => p.proposed).length;
  // The newest of the two reads: a watch event, or the profiles (R re-reads them now).
  const last = Math.max(connection.lastUpdateAt ?? -Infinity, aws.fetchedAt ?? -Infinity);
  const updated = Number.isFinite(last) ? `${ageText(now - last)} ago` : 'never';
  // Until EKS answers, verdicts that need the profiles are not zero: they are not known yet.
  const loading = aws.state === 'loading' && !view.profilesKnown;
  const awsText = awsWord(aws);
  const awsStyle = toneStyle(t, awsText.tone);
  const k8s = connectionWord(connection);
  const connStyle = toneStyle(t, k8s.tone);

  // The third line shows the most important problem, else a transient notice, else warnings.
  let message: { text: string; style: Style } | null = null;
  const inFlight = run ? runCounts(run).inFlight : null;
  if (quitting) message = { text: `Quitting: finishing the pod in flight${inFlight ? ` (${inFlight})` : ''}...`, style: t.status.warn };
  else if (connection.state !== 'live' && connection.message) message = { text: `Kubernetes: ${connection.message}`, style: connStyle ?? {} };
  else if (aws.message && aws.state !== 'ok' && aws.state !== 'loading') message = { text: `AWS: ${aws.message}`, style: awsStyle ?? {} };
  else if (nav.notice && now - nav.notice.at < NOTICE_MS) message = { text: nav.notice.text, style: nav.notice.level === 'error' ? t.status.error : t.status.info };
  else if (aws.stale && aws.message) message = { text: `AWS: ${aws.message} (showing profiles from an earlier read)`, style: t.status.warn };
  else if (view.warnings.length > 0) message = { text: view.warnings.at(-1) ?? '', style: t.status.warn };

  const line1: SegmentItem[] = [
    { text: identity.context || '-', style: t.text.accent, priority: 0, shrink: true, keepEnd: true },
    // Which cluster this is stays at any width: acting on the wrong one is the costly mistake.
    { text: `cluster ${identity.clusterName ?? '?'}`, priority: 0 },
    { text: identity.region ?? 'region ?', priority: 3 },
    { text: awsText.text, style: awsStyle, priority: 0 },
    { text: k8s.text, style: connStyle, priority: 0 },
    { text: `updated ${updated}`, style: t.text.secondary, priority: 1 },
  ];
  const line2: SegmentItem[] = [
    { text: `${totals.pods} pods`, priority: 0 },
    { text: `${totals.onFargate} on Fargate`, style: t.verdict.ok, priority: 0 },
    { text: `${totals.onEc2} on EC2`, style: t.text.secondary, priority: 3 },
    ...(loading
      ? [{ text: 'profiles loading…', style: t.status.info, priority: 0 }]
      : [
          { text: `${totals.needsReschedule} need reschedule`, style: totals.needsReschedule > 0 ? t.verdict.reschedule : t.text.secondary, priority: 0 },
          { text: `${totals.blocked} blocked`, style: totals.blocked > 0 ? t.verdict.blocked : t.text.secondary, priority: 0 },
        ]),
    { text: `${totals.pending} pending`, style: totals.pending > 0 ? t.verdict.pending : t.text.secondary, priority: 1 },
    ...(loading ? [] : [{ text: `${view.profiles.length - proposed} profiles`, style: t.text.secondary, priority: 2 }]),
  ];
  // Only when something blocks it: most of the time there is nothing to say about the next upgrade.
  if (totals.outdated > 0) line2.push({ text: blockingText(totals.outdated, view.upgrade.next), style: t.status.warn, priority: 0 });
  if (proposed > 0) line2.push({ text: `what-if: ${proposed} proposed`, style: t.proposed, priority: 0 });
  if (run) {
    // The run's count stays here wherever the user goes (the progress view is only one screen).
    const status = runStatusText(run);
    const style = status.level === 'busy' ? t.status.info : status.level === 'ok' ? t.status.ok : t.status.error;
    line2.unshift({ text: status.text, style: { ...style, bold: status.level === 'busy' }, priority: 0, shrink: true });
  }

  if (profileChange) {
    // A profile change (c, x) says where it is, then how it ended, wherever the user goes.
    const style = profileChange.level === 'busy' ? t.status.info : profileChange.level === 'ok' ? t.status.ok : t.status.error;
    line2.unshift({ text: profileChange.text, style: { ...style, bold: profileChange.level === 'busy' }, priority: 0, shrink: true });
  }

  return (
    <Box flexDirection="column" width={layout.columns}>
      <Segments items={line1} width={layout.columns} separator=" │ " separatorStyle={t.text.secondary} />
      <Segments items={line2} width={layout.columns} separator=" │ " separatorStyle={t.text.secondary} />
      <Text wrap="truncate" {...(message?.style ?? {})}>
        {message?.text ?? ' '}
      </Text>
    </Box>
  );
}
