/** Name pools for the synthetic population: common Italian surnames and first names, plus a few per foreign country. */

export const COGNOMI: readonly string[] = [
  'ROSSI', 'RUSSO', 'FERRARI', 'ESPOSITO', 'BIANCHI', 'ROMANO', 'COLOMBO', 'RICCI', 'MARINO', 'GRECO',
  'BRUNO', 'GALLO', 'CONTI', 'DE LUCA', 'MANCINI', 'COSTA', 'GIORDANO', 'RIZZO', 'LOMBARDI', 'MORETTI',
  'BARBIERI', 'FONTANA', 'SANTORO', 'MARIANI', 'RINALDI', 'CARUSO', 'FERRARA', 'GALLI', 'MARTINI', 'LEONE',
  'LONGO', 'GENTILE', 'MARTINELLI', 'VITALE', 'LOMBARDO', 'SERRA', 'COPPOLA', 'DE SANTIS', "D'ANGELO", 'MARCHETTI',
  'PARISI', 'VILLA', 'CONTE', 'FERRARO', 'FERRI', 'FABBRI', 'BIANCO', 'MARINI', 'GRASSO', 'VALENTINI',
  'MESSINA', 'SALA', 'DE ANGELIS', 'GATTI', 'PELLEGRINI', 'PALUMBO', 'SANNA', 'FARINA', 'RIZZI', 'MONTI',
  'CATTANEO', 'MORELLI', 'AMATO', 'SILVESTRI', 'MAZZA', 'TESTA', 'GRASSI', 'PELLEGRINO', 'CARBONE', 'GIULIANI',
  'BENEDETTI', 'BARONE', 'ROSSETTI', 'CAPUTO', 'MONTANARI', 'GUERRA', 'PALMIERI', 'BERNARDI', 'MARTINO', 'FIORE',
  "DE ROSA", 'FERRETTI', 'BELLINI', 'BASILE', 'RIVA', 'DONATI', 'PIRAS', 'VITALI', 'BATTAGLIA', 'SARTORI',
  'NERI', 'COSTANTINI', 'MILANI', 'PAGANO', 'RUGGIERO', 'SORRENTINO', "D'AMICO", 'ORLANDO', 'DAMICO', 'NEGRI',
  'DE PALMA', 'LATERZA', 'LOSITO', 'TRIGGIANI', 'CASSANO', 'DI BARI', 'SCHIRALDI', 'LORUSSO', 'DE MARZO', 'QUARTO',
];

export const NOMI_MASCHILI: readonly string[] = [
  'GIUSEPPE', 'GIOVANNI', 'ANTONIO', 'MARIO', 'LUIGI', 'FRANCESCO', 'ANGELO', 'VINCENZO', 'PIETRO', 'SALVATORE',
  'CARLO', 'FRANCO', 'DOMENICO', 'BRUNO', 'PAOLO', 'MICHELE', 'GIORGIO', 'ALDO', 'SERGIO', 'LUCIANO',
  'ROBERTO', 'STEFANO', 'ANDREA', 'MARCO', 'ALESSANDRO', 'LUCA', 'MATTEO', 'LORENZO', 'DAVIDE', 'SIMONE',
  'FEDERICO', 'RICCARDO', 'GABRIELE', 'TOMMASO', 'EDOARDO', 'LEONARDO', 'NICOLA', 'FABIO', 'MASSIMO', 'CLAUDIO',
  'ENRICO', 'EMANUELE', 'DANIELE', 'FILIPPO', 'MATTIA', 'RAFFAELE', 'GIANLUCA', 'ALBERTO', 'VITO', 'ONOFRIO',
  'GIACOMO', 'CRISTIAN', 'DIEGO', 'PASQUALE', 'COSIMO', 'ROCCO', 'SAVERIO', 'NICCOLÒ', 'GIAN MARIA', 'MARIO LUIGI',
];

export const NOMI_FEMMINILI: readonly string[] = [
  'MARIA', 'ANNA', 'GIUSEPPINA', 'ROSA', 'ANGELA', 'GIOVANNA', 'TERESA', 'LUCIA', 'CARMELA', 'CATERINA',
  'FRANCESCA', 'ANTONIETTA', 'CARLA', 'ELENA', 'CONCETTA', 'RITA', 'MARGHERITA', 'FRANCA', 'PAOLA', 'LAURA',
  'GIULIA', 'CHIARA', 'SARA', 'MARTINA', 'SOFIA', 'AURORA', 'ALICE', 'GINEVRA', 'EMMA', 'GIORGIA',
  'ALESSANDRA', 'SILVIA', 'VALENTINA', 'FEDERICA', 'ELISA', 'SIMONA', 'BARBARA', 'MONICA', 'CRISTINA', 'DANIELA',
  'ROBERTA', 'PATRIZIA', 'SABRINA', 'ILARIA', 'MARIKA', 'NICOLETTA', 'VIVIANA', 'ADDOLORATA', 'NUNZIA', 'ROSARIA',
  'BEATRICE', 'VITTORIA', 'NOEMI', 'ASIA', 'GRETA', 'ARIANNA', 'BIANCA', 'MARIA LUISA', 'ANNA MARIA', 'LUCREZIA',
];

/** Surnames and first names for people born in a foreign state (keyed by ISTAT state code). */
export const FOREIGN_NAMES: Readonly<Record<string, { cognomi: readonly string[]; maschili: readonly string[]; femminili: readonly string[] }>> = {
  '436': { cognomi: ['EL AMRANI', 'BENALI', 'EL IDRISSI', 'BOUZIANE', 'HADDOU', 'TAHIRI'], maschili: ['MOHAMED', 'YOUSSEF', 'HAMZA', 'KARIM', 'RACHID'], femminili: ['FATIMA', 'KHADIJA', 'AMINA', 'SALMA', 'NADIA'] },
  '201': { cognomi: ['HOXHA', 'SHEHU', 'KOLA', 'GJONI', 'BERISHA', 'DUKA'], maschili: ['ARBEN', 'ERION', 'GENTI', 'ILIR', 'KLODIAN'], femminili: ['ANILA', 'BLERINA', 'ELONA', 'MIRELA', 'ORIANA'] },
  '235': { cognomi: ['POPESCU', 'IONESCU', 'POPA', 'STAN', 'DUMITRU', 'MUNTEANU'], maschili: ['ANDREI', 'MIHAI', 'IONUT', 'FLORIN', 'CONSTANTIN'], femminili: ['ELENA', 'IOANA', 'ANDREEA', 'MARIANA', 'GABRIELA'] },
  '243': { cognomi: ['SHEVCHENKO', 'KOVALENKO', 'BONDARENKO', 'TKACHENKO', 'MELNYK'], maschili: ['OLEKSANDR', 'ANDRIY', 'SERHIY', 'DMYTRO'], femminili: ['OKSANA', 'NATALIA', 'IRYNA', 'OLENA', 'TETIANA'] },
  '330': { cognomi: ['SINGH', 'KAUR', 'KUMAR', 'SHARMA', 'PATEL'], maschili: ['GURPREET', 'HARPREET', 'RAJESH', 'AMIT'], femminili: ['PRIYA', 'SIMRAN', 'ANJALI', 'KIRAN'] },
  '323': { cognomi: ['SANTOS', 'REYES', 'CRUZ', 'BAUTISTA', 'GARCIA'], maschili: ['JOSE', 'MARK', 'JOHN PAUL', 'RODEL'], femminili: ['MARIA CRISTINA', 'JOCELYN', 'MARICEL', 'ROWENA'] },
  '450': { cognomi: ['NDIAYE', 'DIOP', 'FALL', 'SARR', 'GUEYE'], maschili: ['MAMADOU', 'MODOU', 'CHEIKH', 'IBRAHIMA'], femminili: ['FATOU', 'AWA', 'MARIEME', 'AMINATA'] },
  '305': { cognomi: ['HOSSAIN', 'RAHMAN', 'ISLAM', 'AHMED', 'UDDIN'], maschili: ['MOHAMMAD', 'RAKIB', 'SHAHID', 'RASEL'], femminili: ['NASRIN', 'SHIRIN', 'RUMANA', 'TASLIMA'] },
  '605': { cognomi: ['SILVA', 'OLIVEIRA', 'SOUZA', 'PEREIRA', 'ALVES'], maschili: ['LUIZ', 'PEDRO', 'RAFAEL', 'THIAGO'], femminili: ['ANA', 'JULIANA', 'FERNANDA', 'CAMILA'] },
};

export const TOPONIMI: readonly { specie: string; denominazione: string }[] = [
  { specie: 'VIA', denominazione: 'GIUSEPPE GARIBALDI' },
  { specie: 'VIA', denominazione: 'GIUSEPPE MAZZINI' },
  { specie: 'VIA', denominazione: 'CAMILLO BENSO DI CAVOUR' },
  { specie: 'VIA', denominazione: 'DANTE ALIGHIERI' },
  { specie: 'VIA', denominazione: 'ROMA' },
  { specie: 'VIA', denominazione: 'XX SETTEMBRE' },
  { specie: 'VIA', denominazione: 'DEI MILLE' },
  { specie: 'VIA', denominazione: 'ALESSANDRO MANZONI' },
  { specie: 'VIA', denominazione: 'GIACOMO MATTEOTTI' },
  { specie: 'VIA', denominazione: 'ANTONIO GRAMSCI' },
  { specie: 'VIA', denominazione: 'DELLA REPUBBLICA' },
  { specie: 'VIA', denominazione: 'GIUSEPPE VERDI' },
  { specie: 'VIA', denominazione: 'SAN FRANCESCO' },
  { specie: 'VIA', denominazione: 'NAPOLI' },
  { specie: 'VIALE', denominazione: 'DELLA LIBERTA' },
  { specie: 'VIALE', denominazione: 'EUROPA' },
  { specie: 'CORSO', denominazione: 'VITTORIO EMANUELE II' },
  { specie: 'CORSO', denominazione: 'ITALIA' },
  { specie: 'PIAZZA', denominazione: 'DEL POPOLO' },
  { specie: 'PIAZZA', denominazione: 'UMBERTO I' },
  { specie: 'LARGO', denominazione: 'SAN GIUSEPPE' },
  { specie: 'VICOLO', denominazione: 'DEL POZZO' },
];

export const FOREIGN_STREETS: readonly string[] = ['MAIN STREET', 'AVENIDA CORRIENTES', 'BAHNHOFSTRASSE', 'RUE DE LA PAIX', 'HIGH STREET', 'AVENIDA PAULISTA', 'CALLE FLORIDA'];
