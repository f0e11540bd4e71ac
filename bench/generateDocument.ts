/**
 * Generates a large, realistic post-mortem (a week-long incident with a long table timeline,
 * day headings, narrative, metric tables, costs, lessons and gates) of about `targetBytes`.
 * Deterministic, so runs are comparable.
 */
export function generateLargePostmortem(targetBytes = 1_000_000): string {
  const out: string[] = [];
  out.push('# Multi-region storage degradation - Incident Anatomy', '');
  out.push('## Incident Overview', '');
  out.push('**Date**: March 3, 2025');
  out.push('**Start**: 2025-03-03 00:00 UTC');
  out.push('**End**: 2025-03-09 23:59 UTC');
  out.push('**Impact**: 18% of uploads failed in three regions');
  out.push('**Revenue Loss**: ~$3.2M');
  out.push('**Root Cause**: Quorum misconfiguration during a rolling deployment', '');

  out.push('## Incident Timeline', '', '```mermaid', 'graph TB');
  const phases = [['Detection', 'T+0', 0], ['Diagnosis', 'T+5min', 5], ['Mitigation', 'T+15min', 15], ['Recovery', 'T+35min', 35]] as const;
  let node = 0;
  for (const [name, label, startMinute] of phases) {
    out.push(`    subgraph ${name}[${label}: ${name} Phase]`);
    for (let k = 0; k < 3; k++) {
      const minute = startMinute + k;
      out.push(`        N${node}[${clock(minute, k * 10)}<br/>━━━━━<br/>${name} step ${k + 1}<br/>Details of the step]`);
      node++;
    }
    out.push('    end');
  }
  for (let i = 1; i < node; i++) out.push(`    N${i - 1} --> N${i}`);
  out.push('```', '');

  let day = 0;
  let bytes = out.join('\n').length;
  let section = 0;
  const dayBudget = Math.max(20_000, Math.floor((targetBytes - 40_000) / 7));
  while (bytes < targetBytes - 30_000 && day < 7) {
    const lines: string[] = [];
    lines.push(`## Timeline, March ${day + 3}, 2025`, '');
    lines.push(`All times UTC. Notes from the war room of day ${day + 1}, kept as written by the scribe.`, '');
    let dayBytes = 0;
    let minute = 0;
    while (dayBytes < dayBudget) {
      section++;
      const block: string[] = [];
      block.push(`### Workstream ${section}: ${['storage', 'network', 'api', 'database'][section % 4]} follow-up`, '');
      block.push(
        `The team reviewed the ${['quorum', 'replication', 'compaction', 'gossip'][section % 4]} behaviour of cluster ${section % 17} ` +
          `and compared it with the baseline from the previous week. Error rates stayed within 0.${section % 9}% of normal; ` +
          'no customer-facing impact was observed during this workstream, and the findings are summarised below.',
        '',
      );
      block.push('| Time | Event | Owner |', '|------|-------|-------|');
      for (let r = 0; r < 12 && minute < 1439; r++) {
        block.push(`| ${clock(minute, 0)} | Checked shard ${section}-${r} replication lag and compaction backlog | engineer-${(section + r) % 25} |`);
        minute++;
      }
      block.push('');
      block.push('- [x] Verified dashboards for the affected shards', '- [x] Captured heap profiles', '- [ ] Filed follow-up tickets', '');
      const text = block.join('\n');
      dayBytes += text.length;
      lines.push(text);
    }
    const text = lines.join('\n');
    bytes += text.length;
    out.push(text);
    day++;
  }

  out.push('## Key Metrics During Incident', '');
  out.push('| Metric | Normal | Peak Impact | Recovery Target |', '|--------|--------|-------------|-----------------|');
  out.push('| Upload success | 99.9% | 82% | >99.5% |', '| API p99 Latency | 50ms | 2000ms | <100ms |', '| Replication lag | 2s | 15min | <30s |', '');
  out.push('## Failure Cost Analysis', '', '### Direct Costs');
  out.push('- **Revenue Loss**: $3.2M (47 min × $4.08M/hour)', '- **SLA Credits**: $450K to enterprise customers', '- **Engineering Time**: $26,250 (25 engineers × 3 hours × $350/hr)', '');
  out.push('### Total Incident Cost: ~$3.7M', '');
  out.push('## Lessons Learned', '', '### Immediate Actions (Completed)', '1. **Quorum check**: Added to the deployment pipeline', '', '### Long-term Improvements', '1. **Chaos testing**: Add a quorum loss scenario', '');
  out.push('### Prevention Measures', '```yaml', 'deployment_gates:', '  - name: quorum_check', '    required: true', '    timeout: 60s', '```', '');
  return out.join('\n');
}

function clock(totalMinutes: number, seconds: number): string {
  const h = Math.floor(totalMinutes / 60) % 24;
  const m = totalMinutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
