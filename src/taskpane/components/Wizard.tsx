import * as React from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { BASIS, type Deckung, type Massnahme } from '../../domain/model';
import { D, formatEuro, type Dec } from '../../domain/money';
import { coverSources, nextNumber, previewMeasure } from '../../domain/proposal';
import type { CheckResult } from '../../domain/result';
import { tr, type Lang } from '../i18n';
import { YearHeader } from './YearHeader';

export interface Proposal {
  massnahme: Massnahme;
  cover: Deckung[];
}

interface Form {
  bezeichnung: string;
  oe: string;
  gruppe: string;
  stufe: string;
  anteil: string;
  beginn: string;
  befristet: boolean;
  ende: string;
  szenario: string;
  auflagen: string;
  picked: string[];
}

/** German share input: "0,5" or "0.5" → decimal; anything else → undefined. */
function share(text: string): Dec | undefined {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  return new D(t);
}

/**
 * New-position wizard: grade, step, share, start/end → live cost per plan year → cover sources with their
 * free capacity → the measure and its cover rows. All numbers come from the engine (previewMeasure).
 */
export function Wizard(props: {
  result: CheckResult;
  lang: Lang;
  onSubmit: (p: Proposal) => Promise<void>;
}): React.JSX.Element {
  const { result, lang } = props;
  const model = result.model;
  const firstYear = result.years[0];
  const grades = React.useMemo(
    () => [...model.entgelttabelle.rows.keys(), ...model.besoldungstabelle.rows.keys()],
    [model],
  );
  const [form, setForm] = React.useState<Form>({
    bezeichnung: '',
    oe: '',
    gruppe: grades.includes('E9b') ? 'E9b' : (grades[0] ?? ''),
    stufe: '3',
    anteil: '1',
    beginn: `${firstYear}-01-01`,
    befristet: false,
    ende: `${firstYear + 1}-12-31`,
    szenario: BASIS,
    auflagen: '',
    picked: [],
  });
  const [saving, setSaving] = React.useState(false);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  const sources = React.useMemo(() => coverSources(result), [result]);
  const nr = React.useMemo(
    () =>
      nextNumber(
        model.massnahmen.map((m) => m.nr),
        `M-${firstYear}-`,
      ),
    [model, firstYear],
  );
  const stellenNr = React.useMemo(
    () =>
      nextNumber(
        model.stellen.map((s) => s.nr),
        'N-',
      ),
    [model],
  );
  const anteil = share(form.anteil);

  const proposal: Proposal = React.useMemo(() => {
    const massnahme: Massnahme = {
      nr,
      bezeichnung: form.bezeichnung || tr(lang, 'newPosition'),
      art: 'Neue Stelle',
      stellenNr,
      oe: form.oe,
      gruppe: form.gruppe,
      stufe: Number(form.stufe),
      anteil,
      beginn: form.beginn || undefined,
      ende: form.befristet ? form.ende || undefined : undefined,
      terminOffen: false,
      haushaltsstelle: '',
      szenario: form.szenario || BASIS,
      auflagen: form.auflagen,
      status: 'Entwurf',
      ref: { table: 'Massnahmen', row: 0 },
    };
    const cover: Deckung[] = sources
      .filter((s) => form.picked.includes(`${s.kind}:${s.id}`))
      .map((s) => ({
        massnahmeNr: nr,
        quelle: s.label,
        art: s.art,
        stellenNr: s.kind === 'position' ? s.id : '',
        haushaltsstelle: s.kind === 'budget' ? s.id : '',
        // A budget line gives what the measure needs in its first year, at most what is free.
        betrag: undefined,
        ref: { table: 'Deckung', row: 0 },
      }));
    return { massnahme, cover };
  }, [form, sources, nr, stellenNr, anteil, lang]);

  const preview = React.useMemo(() => {
    if (!anteil || !form.gruppe) return undefined;
    const first = previewMeasure(model, proposal.massnahme, []);
    // Budget lines release a fixed amount: the highest yearly cost of the measure, capped by what is free.
    const peak = first.measure
      ? first.measure.years.reduce((m, y) => (y.cost.gt(m) ? y.cost : m), new D(0))
      : new D(0);
    let rest = peak;
    const cover = proposal.cover.map((d) => {
      if (!d.haushaltsstelle) return d;
      const source = sources.find((s) => s.kind === 'budget' && s.id === d.haushaltsstelle)!;
      const free = source.years.reduce(
        (m, y) => (y.free.lt(m) ? y.free : m),
        source.years[0]?.free ?? new D(0),
      );
      const betrag = D.min(rest, free);
      rest = rest.minus(betrag);
      return { ...d, betrag };
    });
    return { ...previewMeasure(model, proposal.massnahme, cover), cover };
  }, [model, proposal, anteil, form.gruppe, sources]);

  const submit = async () => {
    if (!preview) return;
    setSaving(true);
    try {
      await props.onSubmit({ massnahme: proposal.massnahme, cover: preview.cover });
    } finally {
      setSaving(false);
    }
  };

  const errors = preview?.findings.filter((f) => f.severity === 'error') ?? [];
  return (
    <form
      style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-label={tr(lang, 'wizard')}
    >
      <Text size={200}>
        {tr(lang, 'measure')} {nr}, {tr(lang, 'positionNr')} {stellenNr}
      </Text>
      <Field label={tr(lang, 'designation')}>
        <Input value={form.bezeichnung} onChange={(_, d) => set('bezeichnung', d.value)} />
      </Field>
      <Field label={tr(lang, 'unit')}>
        <Input value={form.oe} onChange={(_, d) => set('oe', d.value)} />
      </Field>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Field label={tr(lang, 'grade')} style={{ width: 130 }}>
          <Select value={form.gruppe} onChange={(_, d) => set('gruppe', d.value)}>
            {grades.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </Select>
        </Field>
        <Field label={tr(lang, 'step')}>
          <Select value={form.stufe} onChange={(_, d) => set('stufe', d.value)}>
            {[1, 2, 3, 4, 5, 6, 7, 8].map((s) => (
              <option key={s}>{s}</option>
            ))}
          </Select>
        </Field>
        <Field
          label={tr(lang, 'share')}
          validationMessage={anteil && anteil.gt(0) && anteil.lte(1) ? undefined : tr(lang, 'shareInvalid')}
        >
          <Input value={form.anteil} onChange={(_, d) => set('anteil', d.value)} style={{ width: 70 }} />
        </Field>
      </div>
      <div style={{ display: 'flex', gap: 8, alignItems: 'end', flexWrap: 'wrap' }}>
        <Field label={tr(lang, 'start')}>
          <Input type="date" value={form.beginn} onChange={(_, d) => set('beginn', d.value)} />
        </Field>
        <Checkbox
          label={tr(lang, 'fixedTerm')}
          checked={form.befristet}
          onChange={(_, d) => set('befristet', Boolean(d.checked))}
        />
        {form.befristet && (
          <Field label={tr(lang, 'end')}>
            <Input type="date" value={form.ende} onChange={(_, d) => set('ende', d.value)} />
          </Field>
        )}
      </div>
      <Field label={tr(lang, 'scenario')}>
        <Input value={form.szenario} onChange={(_, d) => set('szenario', d.value)} />
      </Field>
      <Field label={tr(lang, 'conditions')}>
        <Textarea value={form.auflagen} onChange={(_, d) => set('auflagen', d.value)} />
      </Field>

      <Text weight="semibold">{tr(lang, 'coverSources')}</Text>
      <Table size="extra-small" aria-label={tr(lang, 'coverSources')}>
        <YearHeader labels={[tr(lang, 'source')]} years={result.years} prefix={tr(lang, 'free')} />
        <TableBody>
          {sources.map((s) => {
            const key = `${s.kind}:${s.id}`;
            return (
              <TableRow key={key}>
                <TableCell>
                  <Checkbox
                    label={s.label}
                    checked={form.picked.includes(key)}
                    onChange={(_, d) =>
                      set('picked', d.checked ? [...form.picked, key] : form.picked.filter((k) => k !== key))
                    }
                  />
                </TableCell>
                {s.years.map((y) => (
                  <TableCell key={y.year} style={{ textAlign: 'right' }}>
                    {formatEuro(y.free)}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>

      {preview?.measure && (
        <Table size="extra-small" aria-label={tr(lang, 'preview')}>
          <YearHeader labels={['']} years={result.years} />
          <TableBody>
            {(['cost', 'cover', 'balance'] as const).map((k) => (
              <TableRow key={k}>
                <TableCell>{tr(lang, k)}</TableCell>
                {preview.measure!.years.map((y) => (
                  <TableCell
                    key={y.year}
                    style={{
                      textAlign: 'right',
                      color: k === 'balance' && y.balance.isNegative() ? '#c50f1f' : undefined,
                    }}
                    data-testid={`preview-${k}-${y.year}`}
                  >
                    {formatEuro(y[k])}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {errors.map((f, i) => (
        <Text key={i} size={200} style={{ color: '#c50f1f' }}>
          <Badge appearance="tint" color="danger">
            {f.code}
          </Badge>{' '}
          {lang === 'en' ? f.messageEn : f.message}
        </Text>
      ))}
      <Button appearance="primary" type="submit" disabled={!preview?.measure || saving}>
        {tr(lang, 'submitMeasure')}
      </Button>
    </form>
  );
}
