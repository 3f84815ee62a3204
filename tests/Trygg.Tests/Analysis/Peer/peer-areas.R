# Reference numbers from R for Gi* over Stockholm's 117 stadsdelar and for the exact Poisson interval of a count.
# Inputs are real: the stadsdelar of shared/data/stockholm and counts-by-stadsdel.csv (police events placed per stadsdel).
# Run from this folder:  Rscript peer-areas.R   (Debian's r-base-core, r-cran-sf, r-cran-spdep; writes peer-areas.csv)
suppressMessages({ library(sf); library(spdep) })
areas <- st_transform(st_read("../../../../../shared/data/stockholm/stadsdelar.geojson", quiet = TRUE), 3006)
names <- read.csv("../../../../../shared/data/stockholm/stadsdelsomraden.csv", stringsAsFactors = FALSE, encoding = "UTF-8")
slug <- function(name) {
  s <- chartr("åäáàöøéèü", "aaaaooeeu", tolower(trimws(name)))
  gsub("^-+|-+$", "", gsub("[^a-z0-9]+", "-", s))
}
areas$code <- paste0("0180-sd-", slug(names$namn[match(areas$name, names$stadsdel)]))
counts <- read.csv("counts-by-stadsdel.csv", stringsAsFactors = FALSE)
areas$count <- counts$count[match(areas$code, counts$stadsdel)]
areas$count[is.na(areas$count)] <- 0

# Neighbours: shapes within 100 m of each other (the simplified borders leave slivers), the area itself included.
within <- st_is_within_distance(areas, areas, dist = 100)
neighbours <- lapply(seq_along(within), function(i) setdiff(within[[i]], i))
neighbours <- lapply(neighbours, function(v) if (length(v) == 0) 0L else as.integer(v))
class(neighbours) <- "nb"
weights <- nb2listw(include.self(neighbours), style = "B", zero.policy = TRUE)
z <- as.numeric(localG(areas$count, weights, zero.policy = TRUE))

interval <- t(vapply(areas$count, function(k) poisson.test(k)$conf.int, numeric(2)))
out <- data.frame(code = areas$code, count = areas$count,
                  neighbours = vapply(within, function(v) paste(sort(areas$code[v]), collapse = " "), character(1)),
                  z = z, p_adjusted = p.adjust(2 * pnorm(-abs(z)), method = "BH"), low = interval[, 1], high = interval[, 2])
write.csv(out[order(out$code), ], "peer-areas.csv", row.names = FALSE)
writeLines(c(R.version.string, paste("sf", packageVersion("sf")), paste("spdep", packageVersion("spdep"))), "peer-areas-versions.txt")
