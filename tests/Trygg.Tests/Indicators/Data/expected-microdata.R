# Computes, independently of Trygg, the cells SurveyMicrodataTests expects from trygghet-mikrodata-invented.csv.
d <- read.csv2("trygghet-mikrodata-invented.csv", check.names = FALSE, encoding = "UTF-8")
q <- d[["F12 Trygg ute sent en kväll"]]
d <- d[q != "", ]; q <- q[q != ""]
y <- q %in% c("Ganska otrygg", "Mycket otrygg")
kg <- function(sel) {
  w <- d$Vikt[sel]; yy <- y[sel]; p <- sum(w * yy) / sum(w); neff <- sum(w)^2 / sum(w^2); x <- p * neff
  c(n = sum(sel), share = 100 * p, low = 100 * qbeta(0.025, x, neff - x + 1), high = 100 * qbeta(0.975, x + 1, neff - x))
}
options(digits = 10)
print(kg(rep(TRUE, nrow(d))))                            # Järva, everyone
print(kg(d$Område == "Rinkeby" & d$Kön == "Kvinna"))     # Rinkeby, women
print(kg(d$Område == "Rinkeby" & d$Kön == "Man"))        # Rinkeby, men
print(kg(d$Område == "Husby"))                           # Husby, everyone
print(kg(d$Område == "Husby" & d$Kön == "Kvinna"))       # Husby, women
print(kg(d$Område == "Husby" & d$Kön == "Man"))          # Husby, men
print(kg(d$Ålder >= 65))                                 # Järva, 65-
print(table(d$Område, d$Kön)); print(table(d$Område, cut(d$Ålder, c(15, 24, 44, 64, 200))))
print(sum(d$Kön == "Annat"))
