import type { TemplateData } from '../src/workbook/template';

/**
 * The two seed cases as workbook data (DESIGN.md, shared/seeds). Amounts and grades are plausible
 * assumptions where the sources are silent; what the sources say is kept literally.
 */

const years = [2027, 2028, 2029, 2030, 2031];

/** Obertshausen (Hessen): motion for a fixed-term FB1 position, covered by two positions given up. */
export const OBERTSHAUSEN: TemplateData = {
  stellen: [
    { 'Stellen-Nr.': '1.01', Dezernat: 'Bürgermeister', Organisationseinheit: 'FB1 Zentrale Dienste', Bezeichnung: 'Fachbereichsleitung Zentrale Dienste', Dienstverhältnis: 'Beschäftigte', Entgeltgruppe: 'E13', Stufe: 5, Stellenanteil: 1, Besetzt: 'Ja', Haushaltsstelle: '1.1.01.5011' },
    { 'Stellen-Nr.': '1.02', Dezernat: 'Bürgermeister', Organisationseinheit: 'FB1 Zentrale Dienste', Bezeichnung: 'Sachbearbeitung Organisation und IT', Dienstverhältnis: 'Beschäftigte', Entgeltgruppe: 'E9c', Stufe: 4, Stellenanteil: 1, Besetzt: 'Ja', Haushaltsstelle: '1.1.01.5011' },
    { 'Stellen-Nr.': '1.03', Dezernat: 'Bürgermeister', Organisationseinheit: 'FB1 Zentrale Dienste', Bezeichnung: 'Bürgerbüro', Dienstverhältnis: 'Beschäftigte', Entgeltgruppe: 'E8', Stufe: 3, Stellenanteil: 0.5, Besetzt: 'Ja', Haushaltsstelle: '1.1.01.5011' },
    { 'Stellen-Nr.': '2.01', Dezernat: 'Bürgermeister', Organisationseinheit: 'FB2 Finanzen', Bezeichnung: 'Kämmerei, Leitung', Dienstverhältnis: 'Beschäftigte', Entgeltgruppe: 'E12', Stufe: 5, Stellenanteil: 1, Besetzt: 'Ja', Haushaltsstelle: '1.1.02.5011' },
    { 'Stellen-Nr.': '2.02', Dezernat: 'Bürgermeister', Organisationseinheit: 'FB2 Finanzen', Bezeichnung: 'Steuern und Abgaben', Dienstverhältnis: 'Beschäftigte', Entgeltgruppe: 'E9a', Stufe: 4, Stellenanteil: 1, Besetzt: 'Ja', Haushaltsstelle: '1.1.02.5011' },
    { 'Stellen-Nr.': '3.01', Dezernat: 'Erster Stadtrat', Organisationseinheit: 'FB3 Ordnung', Bezeichnung: 'Ordnungsamt, Sachbearbeitung', Dienstverhältnis: 'Beschäftigte', Entgeltgruppe: 'E9a', Stufe: 3, Stellenanteil: 1, Besetzt: 'Ja', Haushaltsstelle: '1.2.01.5011' },
    { 'Stellen-Nr.': '4.01', Dezernat: 'Erster Stadtrat', Organisationseinheit: 'FB4 Bauen', Bezeichnung: 'Bauverwaltung', Dienstverhältnis: 'Beschäftigte', Entgeltgruppe: 'E10', Stufe: 4, Stellenanteil: 1, Besetzt: 'Ja', Haushaltsstelle: '5.1.01.5011' },
    { 'Stellen-Nr.': '5.01', Dezernat: 'Erster Stadtrat', Organisationseinheit: 'FB5 Soziales', Bezeichnung: 'Kinderbetreuung, Fachberatung', Dienstverhältnis: 'Beschäftigte', Entgeltgruppe: 'E11', Stufe: 3, Stellenanteil: 1, Besetzt: 'Ja', Haushaltsstelle: '3.6.01.5011' },
    { 'Stellen-Nr.': '5.07', Dezernat: 'Erster Stadtrat', Organisationseinheit: 'FB5 Soziales', Bezeichnung: 'Supervision (zusätzliche Stelle, geplant)', Dienstverhältnis: 'Beschäftigte', Entgeltgruppe: 'E10', Stufe: 1, Stellenanteil: 1, Besetzt: 'Nein', Beginn: '2027-01-01', Haushaltsstelle: '3.6.01.5011' },
    { 'Stellen-Nr.': '6.01', Dezernat: 'Erster Stadtrat', Organisationseinheit: 'FB6 Bauhof', Bezeichnung: 'Bauhofleitung', Dienstverhältnis: 'Beschäftigte', Entgeltgruppe: 'E9a', Stufe: 5, Stellenanteil: 1, Besetzt: 'Ja', Haushaltsstelle: '5.4.01.5011' },
    { 'Stellen-Nr.': '6.11', Dezernat: 'Erster Stadtrat', Organisationseinheit: 'FB6 Bauhof', Bezeichnung: 'Bauhof, Reinigung Containerstandorte (Umwidmung)', Dienstverhältnis: 'Beschäftigte', Entgeltgruppe: 'E5', Stufe: 3, Stellenanteil: 1, Besetzt: 'Ja', Haushaltsstelle: '5.4.01.5011' },
    { 'Stellen-Nr.': '6.12', Dezernat: 'Erster Stadtrat', Organisationseinheit: 'FB6 Bauhof', Bezeichnung: 'Bauhof, Mitarbeiter/in (frei durch Umwidmung)', Dienstverhältnis: 'Beschäftigte', Entgeltgruppe: 'E5', Stufe: 3, Stellenanteil: 1, Besetzt: 'Nein', Haushaltsstelle: '5.4.01.5011' },
    { 'Stellen-Nr.': '6.13', Dezernat: 'Erster Stadtrat', Organisationseinheit: 'FB6 Bauhof', Bezeichnung: 'Bauhof, Gärtner/in', Dienstverhältnis: 'Beschäftigte', Entgeltgruppe: 'E5', Stufe: 4, Stellenanteil: 1, Besetzt: 'Ja', Vermerk: 'kw', Ende: '2029-06-30', Haushaltsstelle: '5.4.01.5011' },
  ],
  massnahmen: [
    {
      'Maßnahme-Nr.': 'M-2027-01',
      Bezeichnung: 'Organisator/in Prozessoptimierung und -digitalisierung (Digitalisierungsstrategie, Schwerpunkt Bürgerservice)',
      Art: 'Neue Stelle',
      'Stellen-Nr.': '1.20',
      Dezernat: 'Bürgermeister',
      Organisationseinheit: 'FB1 Zentrale Dienste',
      Entgeltgruppe: 'E9b',
      Stufe: 3,
      Stellenanteil: 1,
      Beginn: '2027-01-01',
      Ende: '2028-12-31',
      Planansatz: 70000,
      Haushaltsstelle: '1.1.01.5011',
      Szenario: 'Basis',
      Auflagen: 'Stellenbeschreibung vor Ausschreibung an den HFW; nach 2 Jahren Entscheidung über Entfristung',
      Status: 'beantragt',
    },
    {
      'Maßnahme-Nr.': 'M-2029-01',
      Bezeichnung: 'Variante: Verstetigung der Stelle Organisator/in ab 2029 (unbefristet, Stufe 4)',
      Art: 'Neue Stelle',
      'Stellen-Nr.': '1.20',
      Dezernat: 'Bürgermeister',
      Organisationseinheit: 'FB1 Zentrale Dienste',
      Entgeltgruppe: 'E9b',
      Stufe: 4,
      Stellenanteil: 1,
      Beginn: '2029-01-01',
      Planansatz: 80000,
      Haushaltsstelle: '1.1.01.5011',
      Szenario: 'Verstetigung ab 2029',
      Auflagen: 'Entscheidung der Stadtverordnetenversammlung nach Ablauf der 2 Jahre',
      Status: 'Entwurf',
    },
  ],
  deckung: [
    { 'Maßnahme-Nr.': 'M-2027-01', Quelle: 'Stellenplan FB5: zusätzliche Stelle Supervision wird nicht geschaffen', Art: 'Verzicht auf geplante Stelle', 'Stellen-Nr.': '5.07' },
    { 'Maßnahme-Nr.': 'M-2027-01', Quelle: 'FB6: Nachbesetzung der Bauhofstelle entfällt (frei durch Umwidmung in Reinigung Containerstandorte)', Art: 'Nichtbesetzung', 'Stellen-Nr.': '6.12' },
    { 'Maßnahme-Nr.': 'M-2029-01', Quelle: 'FB5: Verzicht auf die zusätzliche Stelle Supervision auch ab 2029', Art: 'Verzicht auf geplante Stelle', 'Stellen-Nr.': '5.07' },
    { 'Maßnahme-Nr.': 'M-2029-01', Quelle: 'FB6: Bauhofstelle bleibt auch ab 2029 unbesetzt', Art: 'Nichtbesetzung', 'Stellen-Nr.': '6.12' },
  ],
  planansaetze: years.flatMap((y) => [
    { Haushaltsstelle: '1.1.01.5011', Bezeichnung: 'FB1 Zentrale Dienste – Personalaufwand', Jahr: y, Ansatz: 260000 + (y - 2027) * 8000, Geschützt: 'Nein', Art: 'Personalaufwand' },
    { Haushaltsstelle: '3.6.01.5011', Bezeichnung: 'FB5 Kinderbetreuung – Personalaufwand', Jahr: y, Ansatz: 170000 + (y - 2027) * 5000, Geschützt: 'Nein', Art: 'Personalaufwand' },
    { Haushaltsstelle: '5.4.01.5011', Bezeichnung: 'FB6 Bauhof – Personalaufwand', Jahr: y, Ansatz: 240000 + (y - 2027) * 7000, Geschützt: 'Nein', Art: 'Personalaufwand' },
  ]),
};

/** Konstanz (Baden-Württemberg): founding an Amt für Digitalisierung in Dezernat I. */
export const KONSTANZ: TemplateData = {
  stellen: [
    { 'Stellen-Nr.': '10.01', Dezernat: 'Dezernat I', Organisationseinheit: 'Hauptamt', Bezeichnung: 'Amtsleitung Hauptamt', Dienstverhältnis: 'Beschäftigte', Entgeltgruppe: 'E15', Stufe: 4, Stellenanteil: 1, Besetzt: 'Ja', Haushaltsstelle: '1.1.10.4000' },
    { 'Stellen-Nr.': '10.14', Dezernat: 'Dezernat I', Organisationseinheit: 'Hauptamt', Bezeichnung: 'E-Government und Online-Dienste (OZG)', Dienstverhältnis: 'Beschäftigte', Entgeltgruppe: 'E11', Stufe: 3, Stellenanteil: 1, Besetzt: 'Ja', Haushaltsstelle: '1.1.10.4000' },
    { 'Stellen-Nr.': '10.15', Dezernat: 'Dezernat I', Organisationseinheit: 'Hauptamt', Bezeichnung: 'Digitale Verwaltungsprozesse', Dienstverhältnis: 'Beschäftigte', Entgeltgruppe: 'E10', Stufe: 4, Stellenanteil: 1, Besetzt: 'Ja', Haushaltsstelle: '1.1.10.4000' },
    { 'Stellen-Nr.': '12.03', Dezernat: 'Dezernat I', Organisationseinheit: 'Amt für Stadtentwicklung', Bezeichnung: 'Smart City, Datenstrategie', Dienstverhältnis: 'Beschäftigte', Entgeltgruppe: 'E12', Stufe: 2, Stellenanteil: 1, Besetzt: 'Ja', Haushaltsstelle: '1.1.12.4000' },
    { 'Stellen-Nr.': '40.01', Dezernat: 'Dezernat II', Organisationseinheit: 'Amt für Bildung und Sport', Bezeichnung: 'Amtsleitung Bildung und Sport', Dienstverhältnis: 'Beschäftigte', Entgeltgruppe: 'E15', Stufe: 5, Stellenanteil: 1, Besetzt: 'Ja', Haushaltsstelle: '2.1.40.4000' },
    { 'Stellen-Nr.': '40.21', Dezernat: 'Dezernat II', Organisationseinheit: 'Amt für Bildung und Sport', Bezeichnung: 'Schul-IT, Koordination', Dienstverhältnis: 'Beschäftigte', Entgeltgruppe: 'E11', Stufe: 4, Stellenanteil: 1, Besetzt: 'Ja', Haushaltsstelle: '2.1.40.4000' },
    { 'Stellen-Nr.': '40.22', Dezernat: 'Dezernat II', Organisationseinheit: 'Amt für Bildung und Sport', Bezeichnung: 'Schul-IT, Systembetreuung', Dienstverhältnis: 'Beschäftigte', Entgeltgruppe: 'E9b', Stufe: 3, Stellenanteil: 1, Besetzt: 'Ja', Haushaltsstelle: '2.1.40.4000' },
    { 'Stellen-Nr.': '40.23', Dezernat: 'Dezernat II', Organisationseinheit: 'Amt für Bildung und Sport', Bezeichnung: 'Schul-IT, Systembetreuung', Dienstverhältnis: 'Beschäftigte', Entgeltgruppe: 'E9b', Stufe: 2, Stellenanteil: 0.5, Besetzt: 'Ja', Haushaltsstelle: '2.1.40.4000' },
  ],
  massnahmen: [
    {
      'Maßnahme-Nr.': 'K-01',
      Bezeichnung: 'Amtsleitung Amt für Digitalisierung (zuerst ausschreiben; Amtsgründung nach Amtsantritt)',
      Art: 'Neue Stelle',
      'Stellen-Nr.': '15.01',
      Dezernat: 'Dezernat I',
      Organisationseinheit: 'Amt für Digitalisierung',
      Entgeltgruppe: 'E15',
      Stufe: 3,
      Stellenanteil: 1,
      Beginn: '2027-07-01',
      Planansatz: 115000,
      Haushaltsstelle: '1.1.15.4000',
      Szenario: 'Basis',
      Auflagen: 'Formale Amtsgründung erst nach Amtsantritt der Amtsleitung; bis dahin bleiben die Zuständigkeiten in den bisherigen Strukturen',
      Status: 'beschlossen',
    },
    { 'Maßnahme-Nr.': 'K-02', Bezeichnung: 'Umsetzung E-Government / OZG in das Amt für Digitalisierung', Art: 'Umsetzung', 'Stellen-Nr.': '10.14', Dezernat: 'Dezernat I', Organisationseinheit: 'Amt für Digitalisierung', Beginn: 'Termin offen', Szenario: 'Basis', Auflagen: 'nach Amtsgründung (Amtsantritt der Amtsleitung)', Status: 'beschlossen' },
    { 'Maßnahme-Nr.': 'K-03', Bezeichnung: 'Umsetzung Digitale Verwaltungsprozesse in das Amt für Digitalisierung', Art: 'Umsetzung', 'Stellen-Nr.': '10.15', Dezernat: 'Dezernat I', Organisationseinheit: 'Amt für Digitalisierung', Beginn: 'Termin offen', Szenario: 'Basis', Auflagen: 'nach Amtsgründung', Status: 'beschlossen' },
    { 'Maßnahme-Nr.': 'K-04', Bezeichnung: 'Schul-IT: Geschäftskreis von Dezernat II in Dezernat I (Koordination)', Art: 'Umsetzung', 'Stellen-Nr.': '40.21', Dezernat: 'Dezernat I', Organisationseinheit: 'Amt für Digitalisierung', Beginn: 'Termin offen', Szenario: 'Basis', Auflagen: 'Gemeinderat 2. Juni: Zeitpunkt wird noch festgelegt; nicht zu Lasten der Ausstattung der Schulen', Status: 'beschlossen' },
    { 'Maßnahme-Nr.': 'K-05', Bezeichnung: 'Schul-IT: Systembetreuung von Dezernat II in Dezernat I', Art: 'Umsetzung', 'Stellen-Nr.': '40.22', Dezernat: 'Dezernat I', Organisationseinheit: 'Amt für Digitalisierung', Beginn: 'Termin offen', Szenario: 'Basis', Auflagen: 'Zeitpunkt wird noch festgelegt; nicht zu Lasten der Ausstattung der Schulen', Status: 'beschlossen' },
    { 'Maßnahme-Nr.': 'K-06', Bezeichnung: 'Schul-IT: Systembetreuung (Teilzeit) von Dezernat II in Dezernat I', Art: 'Umsetzung', 'Stellen-Nr.': '40.23', Dezernat: 'Dezernat I', Organisationseinheit: 'Amt für Digitalisierung', Beginn: 'Termin offen', Szenario: 'Basis', Auflagen: 'Zeitpunkt wird noch festgelegt; nicht zu Lasten der Ausstattung der Schulen', Status: 'beschlossen' },
    {
      'Maßnahme-Nr.': 'K-07',
      Bezeichnung: 'Variante: zusätzliche Stelle Informationssicherheit im neuen Amt',
      Art: 'Neue Stelle',
      'Stellen-Nr.': '15.02',
      Dezernat: 'Dezernat I',
      Organisationseinheit: 'Amt für Digitalisierung',
      Entgeltgruppe: 'E11',
      Stufe: 2,
      Stellenanteil: 1,
      Beginn: '2028-01-01',
      Planansatz: 82000,
      Haushaltsstelle: '1.1.15.4000',
      Szenario: 'Variante Informationssicherheit',
      Status: 'Entwurf',
    },
  ],
  deckung: [
    { 'Maßnahme-Nr.': 'K-01', Quelle: 'Minderaufwand externe IT-Beratung (Leistungen künftig durch das Amt)', Art: 'Minderaufwand', Haushaltsstelle: '1.1.10.4430', Betrag: 130000 },
    { 'Maßnahme-Nr.': 'K-07', Quelle: 'Minderaufwand Lizenzen nach Konsolidierung', Art: 'Minderaufwand', Haushaltsstelle: '1.1.10.4431', Betrag: 90000, Beginn: '2028-01-01' },
  ],
  planansaetze: years.flatMap((y) => [
    { Haushaltsstelle: '1.1.10.4430', Bezeichnung: 'Externe IT-Beratung', Jahr: y, Ansatz: 180000, Geschützt: 'Nein', Art: 'Sachaufwand' },
    { Haushaltsstelle: '1.1.10.4431', Bezeichnung: 'Softwarelizenzen Verwaltung', Jahr: y, Ansatz: 90000, Geschützt: 'Nein', Art: 'Sachaufwand' },
    { Haushaltsstelle: '2.1.40.4200', Bezeichnung: 'Ausstattung Schulen (IT)', Jahr: y, Ansatz: 850000, Geschützt: 'Ja', Art: 'Sachaufwand' },
  ]),
};
