"""The generic reader on real prose (issue 11). Every page here is written for
the test, in the shape of a real page (research/FINDINGS.md §2–5 names them):

- long leads (400–700 characters) with the date mid-sentence (ECCP recaps,
  go-cluster and Siva leads): "ECCP organises, on 13 December 2023, 8:30 – 9:45 CET, …";
- a bare date line by the title: "Meldung" + "06.05.2026" (go-cluster), "14-01-26"
  (Cluster Excellence Denmark), "2026 03 18" (MITA), "21-04-2026 10:15" (EEA Grants
  Bulgaria), "2011/07/19 09:01:44" (PARP archive), "12 czerwca 2026 r." (PARP),
  "February 9, 2018", "January 15 d., 2019" (klaster.lt), "02.02.2021 News", "…|";
  a weekday widget line above it ("Antradienis, 30 Geg 2023");
- bylines: "Submitted by <two to four names or a team> on <date>", "Skrevet av <name>
  04.02.2022", "By <name>, August 23rd 2017", "Dodano …", "Date: 14/05/2026" on news;
- call windows "will be open from 16 March to 5 June 2026 (12:00 noon CEST - Paris time)"
  (Interreg Europe) and "will open on 2 April and close on 2 July" without a year;
- earlier rounds under the current call: "The first call was open between …",
  "… closed on 19 June 2019" (Interreg Europe), "– … – CLOSED" in a cut-off list;
- cut-off lists "– 14 May 2026 – 18:00 CET (Brussels time)" (ECCP calls), a table
  row run together "Teikiama iki2025-02-28 17:00Pasibaigęs" (esinvesticijos.lt),
  "Applications shall be submitted by 15 October 2026" (klaster.lt), a timeline with
  each date above its label (Forskningsrådet "Viktige datoer");
- place in prose: "in Iasi, Romania", "in Brașov, Hotel Aro Palace", "im Grazer
  Messecenter", "in Kaunas", "will be held in …"; online: "webinar", "online event",
  "virtual cluster meeting", "digitalt seminar", "via Zoom", not "online application";
- event dates with ordinals: "On Wednesday the 29th of September, 2021, at 11 AM CET",
  "May 12th between 10:30 a.m. and 1 p.m.", "on the 14th of March".
"""
