import * as XLSX from 'xlsx';
import fs from 'node:fs';
const f = process.argv[2];
const wb = XLSX.read(fs.readFileSync(f), {dense:true, cellDates:false, cellNF:true});
console.log(wb.SheetNames, JSON.stringify(wb.Workbook?.Sheets), wb.Workbook?.WBProps);
for (const n of wb.SheetNames) { const ws = wb.Sheets[n]; console.log(n, ws['!ref'], ws['!merges']); const d = ws['!data']||[]; for (let r=0;r<Math.min(d.length,+process.argv[3]||6);r++) console.log(r, JSON.stringify(d[r]?.map(c=>c&&[c.t,c.v,c.z]))); }
