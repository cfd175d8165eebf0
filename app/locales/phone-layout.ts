/**
 * The compact header on a phone (its menu button), and the phenomenon page's list of its reports' proposed
 * actions. The Finnish keys define the rest.
 */
const fi = {
  'phoneLayout.menu': 'Valikko',
  'phenomenon.reportActions.title': 'Raporttien toimenpide-ehdotukset',
  'phenomenon.reportActions.intro':
    'Ilmiöön liitettyjen raporttien ehdotukset ja niiden tila, raportti kerrallaan. Mukana ovat raportit, jotka voit avata.',
  'phenomenon.reportActions.none': 'Raporteissa, jotka voit avata, ei ole toimenpide-ehdotuksia.',
}

export const phoneLayoutMessages: {
  fi: typeof fi
  sv: Record<keyof typeof fi, string>
  en: Record<keyof typeof fi, string>
} = {
  fi,
  sv: {
    'phoneLayout.menu': 'Meny',
    'phenomenon.reportActions.title': 'Rapporternas förslag till åtgärder',
    'phenomenon.reportActions.intro':
      'Förslagen i de rapporter som är kopplade till fenomenet och deras läge, rapport för rapport. Med är de rapporter som du kan öppna.',
    'phenomenon.reportActions.none': 'De rapporter som du kan öppna har inga förslag till åtgärder.',
  },
  en: {
    'phoneLayout.menu': 'Menu',
    'phenomenon.reportActions.title': "The reports' proposed actions",
    'phenomenon.reportActions.intro':
      'The proposals of the reports linked to the phenomenon and where each stands, report by report. Only reports you can open are shown.',
    'phenomenon.reportActions.none': 'The reports you can open have no proposed actions.',
  },
}
