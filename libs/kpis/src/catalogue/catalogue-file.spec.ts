import { readCatalogueFile, readCsvCatalogue, readJsonCatalogue } from './catalogue-file';

const HEADER = 'code,name,dimension,sub_dimension,category,level,definition,unit';

describe('KPI catalogue files', () => {
  it('reads a JSON object with a kpis array, labels of dimensions and empty optional texts as null', () => {
    const text = JSON.stringify({
      kpis: [
        {
          code: ' EC:ICT:ICT:1C ',
          name: 'Household Internet Access',
          dimension: 'Economy',
          subDimension: 'ICT',
          category: 'ICT Infrastructure',
          level: 'CORE',
        },
        {
          code: 'SC:EH:ED:1A',
          name: 'École',
          dimension: 'Society and Culture',
          subDimension: 'Education',
          category: 'Education',
          level: 'Advanced',
          unit: '',
        },
      ],
    });
    expect(readJsonCatalogue(text)).toEqual({
      problems: [],
      kpis: [
        {
          code: 'EC:ICT:ICT:1C',
          name: 'Household Internet Access',
          dimension: 'ECONOMY',
          subDimension: 'ICT',
          category: 'ICT Infrastructure',
          level: 'CORE',
          definition: null,
          unit: null,
        },
        {
          code: 'SC:EH:ED:1A',
          name: 'École',
          dimension: 'SOCIETY_AND_CULTURE',
          subDimension: 'Education',
          category: 'Education',
          level: 'ADVANCED',
          definition: null,
          unit: null,
        },
      ],
    });
  });

  it('reports every bad JSON entry by its number', () => {
    const text = JSON.stringify([
      { code: 'A1', name: 'One', dimension: 'ECONOMY', subDimension: 'S', category: 'C', level: 'CORE' },
      { code: 'A1', name: '', dimension: 'MOON', subDimension: 'S', category: 'C', level: 'CORE' },
    ]);
    expect(readJsonCatalogue(text)).toEqual({
      kpis: null,
      problems: [
        'KPI 2: code repeats the code of KPI 1',
        'KPI 2: name is required',
        'KPI 2: dimension must be one of ECONOMY, ENVIRONMENT, SOCIETY_AND_CULTURE',
      ],
    });
    expect(readJsonCatalogue('{').problems[0]).toMatch(/^not valid JSON/);
    expect(readJsonCatalogue('{"kpis": 3}').problems).toEqual(['expected an array of KPIs, or an object with a "kpis" array']);
  });

  it('reads a CSV with a header row in any order and case', () => {
    const text =
      'Level,Code,Name,Dimension,SubDimension,Category\nCORE,EN:EN:AQ:1C,"Air Pollution, PM2.5",Environment,Environment,Air Quality\n';
    expect(readCsvCatalogue(text)).toEqual({
      problems: [],
      kpis: [
        {
          code: 'EN:EN:AQ:1C',
          name: 'Air Pollution, PM2.5',
          dimension: 'ENVIRONMENT',
          subDimension: 'Environment',
          category: 'Air Quality',
          level: 'CORE',
          definition: null,
          unit: null,
        },
      ],
    });
  });

  it('reports bad CSV rows by their line in the file, and a header that lacks columns', () => {
    const text = [
      HEADER,
      'EC:1C,Good,ECONOMY,S,C,CORE,,',
      '"bad code!",Name,ECONOMY,S,C,CORE,,',
      'EC:2C,"Name with',
      'a line break",ECONOMY,S,C,HIGH,,',
      'EC:1C,Again,ECONOMY,S,C,CORE,,',
    ].join('\n');
    expect(readCsvCatalogue(text).problems).toEqual([
      'line 3: code must be 1-50 letters, digits or : . _ / - (starting with a letter or digit)',
      'line 4: level must be one of CORE, ADVANCED',
      'line 6: code repeats the code of KPI 1',
    ]);
    expect(readCsvCatalogue('code,name\nA,B\n').problems).toEqual([
      'line 1: the header lacks dimension, subDimension, category, level',
    ]);
    expect(readCsvCatalogue(`${HEADER}\nA,B\n`).problems).toEqual(['line 2: 2 fields, the header has 8']);
  });

  it('chooses the reader by extension', () => {
    expect(readCatalogueFile('kpis.txt', '').problems).toEqual(['kpis.txt: expected a .json or .csv file']);
    expect(readCatalogueFile('KPIS.CSV', HEADER).kpis).toEqual([]);
  });
});
