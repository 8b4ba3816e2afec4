import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { PendingWrite } from '../pane-controller';
import { tr, type Lang } from '../i18n';

const useStyles = makeStyles({
  surface: { maxWidth: 'calc(100vw - 24px)' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '50vh', overflowY: 'auto' },
  item: { overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase200 },
});

/** "Beschluss übernehmen" / "Rücknahme": asks first, listing every cell that will change. */
export function ConfirmDialog(props: {
  pending?: PendingWrite;
  lang: Lang;
  onAnswer: (yes: boolean) => void;
}): React.JSX.Element {
  const { pending, lang } = props;
  const styles = useStyles();
  return (
    <Dialog open={pending !== undefined} onOpenChange={(_, d) => !d.open && props.onAnswer(false)}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{pending?.title}</DialogTitle>
          <DialogContent>
            <Text block>{tr(lang, 'changes')}</Text>
            <ul className={styles.list} aria-label={tr(lang, 'changes')}>
              {pending?.summary.cells.map((c, i) => (
                <li key={i} className={styles.item}>
                  {c.sheet}!{c.cell}: {c.old ? `„${c.old}“` : '(leer)'} →{' '}
                  {c.value ? `„${c.value}“` : '(leer)'}
                </li>
              ))}
              {pending?.sheets?.map((name) => (
                <li key={name} className={styles.item}>
                  Blatt „{name}“ {tr(lang, 'sheetRewritten')}
                </li>
              ))}
              {pending?.summary.appends.map((a) => (
                <li key={a.table} className={styles.item}>
                  {a.table}: {a.rows} {tr(lang, 'newRows')}
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => props.onAnswer(true)}>
              {pending?.confirm}
            </Button>
            <Button appearance="secondary" onClick={() => props.onAnswer(false)}>
              {tr(lang, 'cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
