#!/usr/bin/env python3
"""Writes a deterministic corpus of write-to-earn posts for the benchmark.

usage: generate.py DIR [COUNT]   (default 20000 posts of about 2 KB)

Posts are English or Italian, plain text or (one in five) Markdown with headings, links,
entities and code, and carry the mistakes the built-in rules catch: template labels, misspelt
names, missing spaces, mangled disclaimers, scattered and misspelt hashtags. One post in three
mixes two languages, as real posts do: a paragraph in the other of the two, in Spanish, or in
Polish (a language postlint identifies but does not check).
"""
import os
import random
import sys

EN = [
    "Bitcoin held above its weekly support while spot volumes on Binance stayed below the monthly average.",
    "Ethereum developers confirmed the next upgrade window, and staking deposits rose for the third week in a row.",
    "Analysts expect the ETF flows to decide the direction of the market before the end of the quarter.",
    "Solana processed more transactions than any other chain this month, although fees remained very low.",
    "The blockchain data shows long-term holders moving coins to cold storage rather than to exchanges.",
    "Stablecoin supply grew again, which usually means fresh capital is waiting on the sidelines.",
    "Traders should size positions so that a sudden drop of thirty percent does not force them to sell.",
    "Layer-2 networks keep winning users because they make small payments cheap and fast.",
    "Regulators in Europe published new guidance for crypto promotions on social media this week.",
    "The airdrop season brought thousands of new wallets, but few of them stay active after a month.",
]
IT = [
    "Bitcoin è rimasto sopra il supporto settimanale mentre i volumi su Binance sono rimasti sotto la media.",
    "Gli sviluppatori di Ethereum hanno confermato la finestra del prossimo aggiornamento della rete.",
    "Secondo gli analisti saranno i flussi degli ETF a decidere la direzione del mercato nel trimestre.",
    "Solana ha elaborato più transazioni di ogni altra rete questo mese, con commissioni molto basse.",
    "I dati della blockchain mostrano che i detentori di lungo periodo spostano le monete in cold storage.",
    "L'offerta di stablecoin è cresciuta ancora: di solito significa capitale fresco in attesa di entrare.",
    "Chi fa trading dovrebbe dimensionare le posizioni per reggere un calo improvviso del trenta per cento.",
    "Le reti di secondo livello continuano a crescere perché rendono economici i piccoli pagamenti.",
    "In Europa le autorità hanno pubblicato nuove linee guida sulla promozione delle cripto sui social.",
    "La stagione degli airdrop ha portato migliaia di nuovi portafogli, ma pochi restano attivi.",
]
ES = [
    "El precio de Bitcoin se mantiene por encima del soporte semanal y los volúmenes siguen bajos.",
    "Los desarrolladores de Ethereum confirmaron la fecha de la próxima actualización de la red.",
    "Según los analistas, los flujos de los ETF decidirán la dirección del mercado este trimestre.",
    "La oferta de stablecoins volvió a crecer, una señal de capital nuevo que espera para entrar.",
    "Las redes de segunda capa siguen ganando usuarios porque los pagos pequeños son baratos.",
    "La temporada de airdrops trajo miles de carteras nuevas, pero pocas siguen activas.",
]
PL = [
    "Cena bitcoina utrzymuje się powyżej tygodniowego wsparcia, a wolumeny są niskie.",
    "Deweloperzy Ethereum potwierdzili termin kolejnej aktualizacji sieci w tym miesiącu.",
    "Według analityków to przepływy do funduszy ETF zdecydują o kierunku rynku.",
    "Podaż stablecoinów znów wzrosła, co zwykle oznacza nowy kapitał czekający na wejście.",
    "Sieci drugiej warstwy zyskują użytkowników, bo drobne płatności są tanie i szybkie.",
    "Sezon airdropów przyniósł tysiące nowych portfeli, ale niewiele z nich pozostaje aktywnych.",
]
SENTENCES = {"en": EN, "it": IT, "es": ES, "pl": PL}
TITLES = {"en": ["Where the market goes next", "What changed this week in crypto", "Three charts to watch"],
          "it": ["Dove va il mercato adesso", "Cosa è cambiato questa settimana", "Tre grafici da guardare"]}
DISCLAIMERS = {"en": ["Not financial advice.", "This is not financial advice. DYOR.", "not financial advise"],
               "it": ["Non è un consiglio finanziario.", "Fai le tue ricerche.", "Diclaimaer:Non Consiglio Finanziario"]}
TAGS = ["#Bitcoin", "#BTC", "#Ethereum", "#ETH", "#Crypto", "#Binance", "#Solana", "#DeFi", "#Write2Earn", "#writetoearn"]
MISSPELT = {"Bitcoin": "Bitcon", "Ethereum": "Etherium", "Binance": "Binnance", "blockchain": "blokchain"}


def paragraph(rng, lang):
    sentences = rng.sample(SENTENCES[lang], 3)
    text = " ".join(sentences)
    if rng.random() < 0.15:
        word = rng.choice(list(MISSPELT))
        text = text.replace(word, MISSPELT[word], 1)
    if rng.random() < 0.1:
        text = text.replace(". ", ".", 1)
    if rng.random() < 0.05:
        text += " " + " ".join(rng.sample(TAGS, 2))
    return text


def post(rng, index):
    lang = "it" if index % 2 else "en"
    markdown = index % 5 == 0
    lines = []
    title = rng.choice(TITLES[lang])
    lines.append(f"# {title}" if markdown else title)
    if rng.random() < 0.1:
        lines.append("Heading")
    body = []
    while sum(len(p) for p in body) < 1500:
        body.append(paragraph(rng, lang))
    if index % 3 == 2:
        other = rng.choice([l for l in ("en", "it", "es", "pl") if l != lang])
        body.insert(rng.randint(1, len(body)), paragraph(rng, other))
    if rng.random() < 0.1:
        body[0] = "Introduction," + body[0]
    if markdown:
        body.insert(1, "See [the report](https://example.org/report?id=7) &amp; the `price,volume` table:")
        body.insert(2, "```\nprice,volume\n100,2000\n```")
    lines.extend(body)
    if rng.random() < 0.9:
        lines.append(rng.choice(DISCLAIMERS[lang]))
    lines.append(" ".join(rng.sample(TAGS, rng.randint(2, 7))))
    separator = "\n\n" if markdown or rng.random() < 0.5 else "\n"
    return separator.join(lines) + "\n", ("md" if markdown else "txt")


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    rng = random.Random(20261128)
    for index in range(count):
        folder = os.path.join(out, f"{index // 1000:02d}")
        os.makedirs(folder, exist_ok=True)
        text, ext = post(rng, index)
        with open(os.path.join(folder, f"post-{index:05d}.{ext}"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
