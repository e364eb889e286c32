/** Contact vs control: the figures of each group, the differences with their intervals, a verdict. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CampaignGroupFigures, CampaignReport } from '../../../../electron/api/contract';
import { channelQuery } from '../../api/channel-query';
import type {
  CampaignAction,
  CampaignGoal,
} from '../../../../electron/api/contract/campaign-enums';
import { money, moneyWhole, num, percent } from '../analytics/format';
import { CampaignCurve } from './CampaignCurve';

const signedMoney = (x: number) => `${x > 0 ? '+' : ''}${money(x)}`;

type Verdict = 'noControl' | 'tooLittle' | 'reliable' | 'reliableWorse';

export function verdictOf(r: CampaignReport): Verdict {
  if (r.control.clients === 0) return 'noControl';
  if (!r.significant || r.buyRateDiff === null) return 'tooLittle';
  return r.buyRateDiff > 0 ? 'reliable' : 'reliableWorse';
}

/**
 * The result in one sentence: "Calls brought back 14 clients over the control group, ≈ 312 000
 * ₽; the difference is reliable", or an honest one when the data cannot tell. The clients over
 * the control group: the difference in the share who bought × the clients contacted.
 */
export function useVerdictSentence(r: CampaignReport, action: CampaignAction, goal: CampaignGoal) {
  const { t } = useTranslation();
  const verdict = verdictOf(r);
  if (verdict !== 'reliable') return t(`camp.verdict.${verdict}`);
  const count = Math.round((r.buyRateDiff ?? 0) * r.contact.clients);
  const back = goal === 'win_back' || goal === 'reactivate';
  return t(back ? 'camp.sentence.returned' : 'camp.sentence.brought', {
    count,
    action: t(`camp.sentence.actions.${action}`),
    money: moneyWhole(r.moneyUplift),
  });
}

export function CampaignResult({
  id,
  windowDays,
  action,
  goal,
}: {
  id: string;
  windowDays: number;
  action: CampaignAction;
  goal: CampaignGoal;
}) {
  const { t } = useTranslation();
  /** A difference of shares in percentage points, signed. */
  const points = (x: number) =>
    t('camp.diff.points', { value: `${x > 0 ? '+' : ''}${num(x * 100, 1)}` });
  const report = useQuery(channelQuery('campaigns.report', { id, windowDays }));
  const r = report.data;
  if (!r) return null;
  const row = (group: 'contact' | 'control', f: CampaignGroupFigures) => (
    <tr data-testid={`result-${group}`}>
      <th scope="row">{t(`camp.groups.${group}`)}</th>
      <td className="num">{f.clients}</td>
      <td className="num">{f.buyers}</td>
      <td className="num">{percent(f.buyRate, 1)}</td>
      <td className="num">{money(f.revenue)}</td>
      <td className="num">{f.revenuePerClient === null ? '—' : money(f.revenuePerClient)}</td>
      {/* No sale in the window has a margin entered: unknown, not zero. */}
      <td className="num">{f.margin === null ? '—' : money(f.margin)}</td>
    </tr>
  );
  return (
    <div className="campaign-result">
      <table className="campaigns">
        <thead>
          <tr>
            <th>{t('camp.figures.group')}</th>
            <th className="num">{t('camp.figures.clients')}</th>
            <th className="num">{t('camp.figures.buyers')}</th>
            <th className="num">{t('camp.figures.buyRate')}</th>
            <th className="num">{t('camp.figures.revenue')}</th>
            <th className="num">{t('camp.figures.perClient')}</th>
            <th className="num">{t('camp.figures.margin')}</th>
          </tr>
        </thead>
        <tbody>
          {row('contact', r.contact)}
          {row('control', r.control)}
        </tbody>
      </table>
      <dl className="campaign-diffs">
        {r.buyRateDiff !== null ? (
          <div>
            <dt>{t('camp.diff.buyRate')}</dt>
            <dd>
              {points(r.buyRateDiff)}
              {r.buyRateCi95 ? (
                <span className="muted">
                  {' '}
                  {t('camp.diff.ci', {
                    lo: points(r.buyRateCi95[0]),
                    hi: points(r.buyRateCi95[1]),
                  })}
                </span>
              ) : null}
            </dd>
          </div>
        ) : null}
        {r.revenuePerClientDiff !== null ? (
          <div>
            <dt>{t('camp.diff.perClient')}</dt>
            <dd>
              {signedMoney(r.revenuePerClientDiff)}
              {r.revenueCi95 ? (
                <span className="muted">
                  {' '}
                  {t('camp.diff.ci', {
                    lo: signedMoney(r.revenueCi95[0]),
                    hi: signedMoney(r.revenueCi95[1]),
                  })}
                </span>
              ) : null}
            </dd>
          </div>
        ) : null}
        {r.moneyUplift !== null ? (
          <div>
            <dt>{t('camp.diff.uplift')}</dt>
            <dd data-testid="campaign-uplift">{signedMoney(r.moneyUplift)}</dd>
          </div>
        ) : null}
      </dl>
      <Verdict report={r} action={action} goal={goal} />
      <CampaignCurve id={id} days={windowDays} />
    </div>
  );
}

function Verdict({
  report,
  action,
  goal,
}: {
  report: CampaignReport;
  action: CampaignAction;
  goal: CampaignGoal;
}) {
  return (
    <p className="campaign-verdict" data-testid="campaign-verdict" data-verdict={verdictOf(report)}>
      {useVerdictSentence(report, action, goal)}
    </p>
  );
}
