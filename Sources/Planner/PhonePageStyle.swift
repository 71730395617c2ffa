/// The phone page's stylesheet: GOV.UK Design System colours and sizes (19px body text, 44px touch targets,
/// a yellow focus ring, green primary buttons), written out so the page needs no fonts or files.
enum PhonePageStyle {
    static let css = #"""
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; font-family: arial, sans-serif; font-size: 19px; line-height: 1.32; color: #0b0c0c; background: #ffffff; }
    .header { display: flex; justify-content: space-between; align-items: baseline; gap: 10px; padding: 10px 15px;
              background: #0b0c0c; color: #ffffff; font-weight: 700; }
    .header__pair { font-size: 24px; }
    .header__date { font-size: 16px; font-weight: 400; }
    .notice { padding: 10px 15px; background: #fff7bf; border-bottom: 4px solid #ffdd00; font-size: 16px; }
    .main { padding: 15px 15px 40px; max-width: 640px; margin: 0 auto; }
    .screen[hidden], [hidden] { display: none !important; }
    .caption { display: block; margin: 0 0 5px; color: #505a5f; font-size: 16px; }
    .step-now { margin: 0 0 10px; font-size: 32px; line-height: 1.1; font-weight: 700; overflow-wrap: anywhere; }
    .step-now--long { font-size: 24px; line-height: 1.25; }
    .step-now--very-long { font-size: 19px; line-height: 1.32; }
    .step-next { margin: 0 0 15px; font-size: 19px; overflow-wrap: anywhere; }
    .step-next--long { font-size: 16px; }
    /* A sweep can name fifty streets; the buttons stay in reach below them. */
    .actions { position: sticky; bottom: 0; z-index: 2; margin: 0 -15px 15px; padding: 10px 15px 0; background: #ffffff;
               border-top: 1px solid #b1b4b6; }
    .step-next__label { display: inline-block; margin-right: 5px; padding: 0 6px; background: #f3f2f1; font-weight: 700; }
    .clock { margin: 0 0 10px; font-size: 19px; }
    .clock__status { display: inline-block; padding: 2px 8px; font-size: 19px; }
    .clock--ok { background: #cce2d8; color: #005a30; }
    .clock--ahead { background: #d2e2f1; color: #144e81; }
    .clock--late { background: #f6d7d2; color: #942514; }
    .button-row { display: flex; gap: 10px; }
    .button-row .button { flex: 1; }
    .button { display: block; width: 100%; min-height: 48px; margin: 0 0 15px; padding: 10px 12px; border: 2px solid transparent;
              border-radius: 0; background: #00703c; box-shadow: 0 2px 0 #002d18; color: #ffffff; font: inherit;
              font-weight: 400; text-align: center; text-decoration: none; cursor: pointer; -webkit-appearance: none; }
    .button:active { transform: translateY(2px); box-shadow: none; }
    .button:disabled { opacity: 0.5; cursor: not-allowed; }
    .button--secondary { background: #f3f2f1; box-shadow: 0 2px 0 #929191; color: #0b0c0c; }
    .button--start { font-size: 24px; font-weight: 700; min-height: 60px; }
    .button--inline { display: inline-block; width: auto; margin: 5px 0 0; }
    .button:focus, .back-link:focus, a:focus, .select:focus { outline: 3px solid #ffdd00; outline-offset: 0;
              box-shadow: inset 0 0 0 2px #0b0c0c; background-color: #ffdd00; color: #0b0c0c; }
    .back-link { display: inline-block; min-height: 44px; margin: 0 0 10px; padding: 8px 0 8px 14px; border: 0; background: none;
                 color: #0b0c0c; font: inherit; font-size: 16px; text-decoration: underline; cursor: pointer; position: relative; }
    .back-link::before { content: ""; position: absolute; left: 0; top: 50%; width: 7px; height: 7px; margin-top: -4px;
                         border: solid #505a5f; border-width: 2px 0 0 2px; transform: rotate(-45deg); }
    .map-frame { margin: 0 0 15px; border: 1px solid #b1b4b6; background: #f3f2f1; }
    .map { display: block; width: 100%; height: auto; max-height: 60vh; touch-action: manipulation; }
    .map__paper { fill: #f8f8f8; }
    .map__leg { fill: none; stroke-linecap: round; stroke-linejoin: round; vector-effect: non-scaling-stroke; }
    .map__leg--sweep { stroke: #1d70b8; stroke-width: 3px; }
    .map__leg--deadhead { stroke: #5694ca; stroke-width: 2px; stroke-dasharray: 4 3; }
    .map__leg--travel { stroke: #505a5f; stroke-width: 2px; stroke-dasharray: 6 4; }
    .map__hotspot { fill: #f47738; stroke: #ffffff; stroke-width: 2px; vector-effect: non-scaling-stroke; }
    .map__base { fill: #0b0c0c; }
    .map__step { fill: #ffffff; stroke: #0b0c0c; stroke-width: 2px; vector-effect: non-scaling-stroke; }
    .map__step--current { fill: #0b0c0c; }
    .map__step--nearest { stroke: #d4351c; stroke-width: 4px; }
    .map__step-number { fill: #0b0c0c; font-weight: 700; text-anchor: middle; dominant-baseline: central; pointer-events: none; }
    .map__step-number--current { fill: #ffffff; }
    .map__me { fill: #1d70b8; stroke: #ffffff; stroke-width: 3px; vector-effect: non-scaling-stroke; }
    .map__tap { fill: rgba(212, 53, 28, 0.25); stroke: #d4351c; stroke-width: 4px; vector-effect: non-scaling-stroke; }
    .map-frame--place .map { cursor: crosshair; }
    .nearest { margin: 0 0 15px; padding: 10px; border-left: 5px solid #d4351c; background: #f3f2f1; }
    .hint { margin: 0 0 15px; color: #505a5f; font-size: 16px; }
    .hint code { overflow-wrap: anywhere; }
    .banner { margin: 0 0 15px; padding: 10px 15px; border: 5px solid #00703c; font-weight: 700; }
    .banner--error { border-color: #d4351c; }
    .heading-m { margin: 20px 0 10px; font-size: 24px; }
    .heading-l { margin: 0 0 20px; font-size: 32px; line-height: 1.1; }
    .stop-list { margin: 0 0 15px; padding-left: 25px; }
    .stop-list li { margin-bottom: 8px; }
    .fieldset { margin: 0; padding: 0; border: 0; min-width: 0; }
    .legend { display: table; max-width: 100%; margin: 0 0 15px; padding: 0; white-space: normal; }
    .legend__heading, .label-wrapper { margin: 0; font-size: 32px; line-height: 1.1; font-weight: 700; }
    .label { display: block; }
    .form-group { margin: 0 0 25px; }
    .form-group--error { padding-left: 15px; border-left: 5px solid #d4351c; }
    .error-message { margin: 0 0 15px; color: #d4351c; font-weight: 700; }
    .error-summary { margin: 0 0 25px; padding: 15px; border: 5px solid #d4351c; }
    .error-summary:focus { outline: 3px solid #ffdd00; }
    .error-summary__title { margin: 0 0 10px; font-size: 24px; }
    .error-summary__list { margin: 0; padding: 0; list-style: none; }
    .error-summary__list a { color: #d4351c; font-weight: 700; }
    .visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: 0; overflow: hidden; clip: rect(0 0 0 0); }
    .radios__item { position: relative; display: block; min-height: 44px; margin: 0 0 10px; padding-left: 50px; }
    .radios__input { position: absolute; z-index: 1; top: -2px; left: -2px; width: 48px; height: 48px; margin: 0; opacity: 0; cursor: pointer; }
    .radios__label { display: block; padding: 8px 15px 5px 0; cursor: pointer; touch-action: manipulation; }
    .radios__label::before { content: ""; position: absolute; top: 2px; left: 2px; width: 40px; height: 40px;
                             border: 2px solid currentColor; border-radius: 50%; background: transparent; }
    .radios__label::after { content: ""; position: absolute; top: 12px; left: 12px; width: 0; height: 0;
                            border: 10px solid currentColor; border-radius: 50%; opacity: 0; }
    .radios__input:checked + .radios__label::after { opacity: 1; }
    .radios__input:focus + .radios__label::before { border-width: 4px; box-shadow: 0 0 0 4px #ffdd00; }
    .radios__hint { display: block; color: #505a5f; font-size: 16px; }
    .select { display: block; width: 100%; min-height: 48px; padding: 5px; border: 2px solid #0b0c0c; border-radius: 0;
              background: #ffffff; color: #0b0c0c; font: inherit; }
    .form-group--error .select { border-color: #d4351c; }
    .time-display { margin: 0 0 15px; font-size: 64px; font-weight: 700; line-height: 1; font-variant-numeric: tabular-nums; }
    .time-buttons { display: grid; grid-template-columns: 1fr 1fr; gap: 0 10px; }
    .summary-list { margin: 0 0 25px; }
    .summary-list__row { padding: 10px 0; border-bottom: 1px solid #b1b4b6; }
    .summary-list dt { font-weight: 700; }
    .summary-list dd { margin: 5px 0 0; overflow-wrap: anywhere; }
    .summary-list__row { display: grid; grid-template-columns: 1fr auto; gap: 0 10px; }
    .summary-list dt { grid-column: 1; }
    .summary-list dd { grid-column: 1; }
    .summary-list .summary-list__actions { grid-column: 2; grid-row: 1 / span 2; align-self: center; margin: 0; }
    .summary-list__change { min-height: 44px; min-width: 44px; padding: 8px; border: 0; background: none; color: #1d70b8;
                            font: inherit; text-decoration: underline; cursor: pointer; }
    .summary-list__change:focus { outline: 3px solid #ffdd00; background: #ffdd00; color: #0b0c0c; }
    """#
}
