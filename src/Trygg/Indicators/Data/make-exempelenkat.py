# Writes exempelenkat-trygghet-jarva.csv: SYNTHETIC survey answers for the demo, not a real survey.
# Each respondent is drawn at random (seed 20261123). The chance of answering "otrygg" (ganska/mycket otrygg, or does not
# go out) is the published share for Polisregion Stockholm 2017 (Brå's local NTU, as reported by the police:
# https://polisen.se/aktuellt/nyheter-2016-2017/2017/november/trygghetsmatning-viktig-del-i-lokalt-arbete/):
# 37 % of women and 19 % of men. Nothing here describes Järva itself; it shows how Trygg computes and presents such data.
import csv, math, random

random.seed(20261123)
respondents = {"Akalla": 150, "Husby": 170, "Kista": 160, "Rinkeby": 210, "Tensta": 220, "Bromsten": 90, "Flysta": 40, "Solhem": 35, "Sundby": 25}
unsafe = {"Kvinna": 0.37, "Man": 0.19}
with open("exempelenkat-trygghet-jarva.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\n")
    w.writerow(["Respondent", "Område", "År", "Kön", "Ålder", "Vikt", "Hur trygg känner du dig ute ensam sent en kväll i ditt bostadsområde?"])
    n = 0
    for area, count in respondents.items():
        for _ in range(count):
            n += 1
            sex = random.choice(["Kvinna", "Man"])
            age = random.randint(16, 84)
            weight = round(math.exp(random.gauss(0, 0.35)), 3)
            if random.random() < 0.03:
                answer = ""  # left unanswered
            elif random.random() < unsafe[sex]:
                answer = random.choice(["Ganska otrygg", "Ganska otrygg", "Mycket otrygg", "Går inte ut på grund av otrygghet"])
            else:
                answer = random.choice(["Mycket trygg", "Ganska trygg", "Ganska trygg"])
            w.writerow([f"S{n:04d}", area, 2025, sex, age, f"{weight}".replace(".", ","), answer])
