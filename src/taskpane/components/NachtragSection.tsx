import * as React from 'react';
import { Button, Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Nachtrag, NachtragLine } from '../../domain/nachtrag';
import { fte } from '../format';
import { tr, type Lang } from '../i18n';
import { AmountRow } from './pieces';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: { padding: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  wrap: { overflowWrap: 'anywhere' },
  cause: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground3 },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** One changed line as a card: the group, bisher / neu / Veränderung, and what caused it. */
function Line(props: { line: NachtragLine; lang: Lang }): React.JSX.Element {
  const { line, lang } = props;
  const styles = useStyles();
  return (
    <Card className={styles.card} data-testid={`nachtrag-${line.gruppe}`}>
      <Text weight="semibold">{line.gruppe}</Text>
      <AmountRow label={tr(lang, 'before')} placeholder={fte(line.bisher)} />
      <AmountRow label={tr(lang, 'after')} placeholder={fte(line.neu)} />
      <AmountRow label={tr(lang, 'change')} placeholder={fte(line.veraenderung, true)} strong />
      {line.causes.map((c, i) => (
        <Text key={i} size={200} block className={styles.cause}>
          {c.massnahme ? `${c.massnahme} ${c.bezeichnung ?? ''}`.trim() : tr(lang, 'withoutMeasure')}
          {': '}
          {c.text}
        </Text>
      ))}
    </Card>
  );
}

/**
 * The Nachtragsstellenplan inside "Vergleich": choose the adopted plan (.xlsx), see only the changed
 * lines, write the sheet where the pane can write. The reading and writing happen in the controller.
 */
export function NachtragSection(props: {
  nachtrag?: Nachtrag;
  against?: string;
  lang: Lang;
  busy: boolean;
  onChoose: (f: File) => void;
  onWrite?: () => void;
}): React.JSX.Element {
  const { nachtrag, lang } = props;
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const lines = nachtrag?.teile.flatMap((t) => t.groups.flatMap((g) => g.lines)) ?? [];
  return (
    <section className={styles.section} aria-label={tr(lang, 'nachtrag')} data-testid="nachtrag">
      <Text as="h2" weight="semibold">
        {tr(lang, 'nachtrag')}
        {nachtrag ? ` ${nachtrag.year}` : ''}
      </Text>
      <Text size={200}>{tr(lang, 'nachtragHint')}</Text>
      <input
        ref={input}
        type="file"
        hidden
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) props.onChoose(f);
          e.target.value = '';
        }}
        aria-label={tr(lang, 'chooseAdopted')}
        data-testid="adopted-input"
      />
      <div className={styles.toolbar}>
        <Button disabled={props.busy} onClick={() => input.current?.click()}>
          {tr(lang, 'chooseAdopted')}
        </Button>
        {nachtrag && props.onWrite && (
          <Button disabled={props.busy} onClick={props.onWrite}>
            {tr(lang, 'writeNachtrag')}
          </Button>
        )}
      </div>
      {nachtrag && props.against && (
        <Text size={200} className={styles.wrap} data-testid="nachtrag-against">
          {tr(lang, 'nachtragAgainst')}: {props.against}
        </Text>
      )}
      {nachtrag?.unchanged && <Text data-testid="nachtrag-unchanged">{tr(lang, 'noNachtragChange')}</Text>}
      {lines.map((l) => (
        <Line key={l.gruppe} line={l} lang={lang} />
      ))}
      {nachtrag && !nachtrag.unchanged && (
        <Card className={styles.card}>
          <AmountRow
            label={`${tr(lang, 'totalPositions')} ${tr(lang, 'before')}`}
            placeholder={fte(nachtrag.bisher)}
          />
          <AmountRow
            label={`${tr(lang, 'totalPositions')} ${tr(lang, 'after')}`}
            placeholder={fte(nachtrag.neu)}
          />
          <AmountRow
            label={tr(lang, 'change')}
            placeholder={fte(nachtrag.veraenderung, true)}
            strong
            testId="nachtrag-total-change"
          />
        </Card>
      )}
    </section>
  );
}
