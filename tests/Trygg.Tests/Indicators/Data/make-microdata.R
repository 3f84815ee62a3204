# Invented test data, not real respondents and not demo data: writes trygghet-mikrodata-invented.csv, one row per made-up respondent.
set.seed(20251123)
areas <- c(rep("Rinkeby", 70), rep("Tensta", 55), rep("Husby", 35))
n <- length(areas)
sex <- sample(c("Kvinna", "Man", "Annat"), n, replace = TRUE, prob = c(0.49, 0.48, 0.03))
age <- sample(16:84, n, replace = TRUE)
weight <- round(runif(n, 0.4, 2.6), 3)
p.unsafe <- ifelse(sex == "Kvinna", 0.55, 0.3) + ifelse(areas == "Husby", -0.1, 0)
unsafe <- runif(n) < p.unsafe
answer <- ifelse(unsafe, sample(c("Ganska otrygg", "Mycket otrygg"), n, replace = TRUE),
                 sample(c("Mycket trygg", "Ganska trygg", "Går aldrig ut"), n, replace = TRUE, prob = c(0.45, 0.45, 0.1)))
answer[sample(n, 6)] <- ""
d <- data.frame(Respondent = sprintf("R%03d", 1:n), Område = areas, År = 2025, Kön = sex, Ålder = age, Vikt = weight,
                "F12 Trygg ute sent en kväll" = answer, check.names = FALSE)
write.table(d, "trygghet-mikrodata-invented.csv", sep = ";", dec = ",", row.names = FALSE, quote = FALSE, fileEncoding = "UTF-8")
