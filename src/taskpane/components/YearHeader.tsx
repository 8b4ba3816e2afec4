import * as React from 'react';
import { TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';

/** The header row of every per-plan-year table: leading label columns, then one right-aligned column a year. */
export function YearHeader(props: { labels: string[]; years: number[]; prefix?: string }): React.JSX.Element {
  return (
    <TableHeader>
      <TableRow>
        {props.labels.map((l, i) => (
          <TableHeaderCell key={i}>{l}</TableHeaderCell>
        ))}
        {props.years.map((y) => (
          <TableHeaderCell key={y} style={{ textAlign: 'right' }}>
            {props.prefix ? `${props.prefix} ${y}` : y}
          </TableHeaderCell>
        ))}
      </TableRow>
    </TableHeader>
  );
}
