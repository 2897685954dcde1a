//! `train-ner`: trains the entity model from the shared CoNLL data and writes the file the
//! build embeds (`crates/names/src/data/ner.model`); with `--tables`, writes the word tables the
//! build embeds (`crates/names/src/data/lexicon.bin`) from the lists and cue tables. Glue only:
//! reading, scoring, writing.
//!
//! ```text
//! cargo run --release --bin train-ner -- --tables    # the word tables, from the lists (first)
//! cargo run --release --bin train-ner                # the embedded model: train + dev splits
//! cargo run --release --bin train-ner -- --dev       # train splits only, dev scores per pass
//! cargo run --release --bin train-ner -- --eval      # scores of the embedded model
//! ```
//!
//! Data: `$BERSIH_SHARED/data/ner-id` (default `../shared` beside the repository), folders
//! `idner-news-2k` (`train.txt`, `dev.txt`) and `nergrit` (`train_preprocess.txt`,
//! `valid_preprocess.txt`). Exit codes: 0 = done, 2 = bad arguments or unreadable data.

fn main() -> std::process::ExitCode {
    native::main()
}

mod native {
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use bersih::lang::Lang;
    use bersih_names::articles;
    use bersih_names::conll::{self, evaluate, Labelled, Reading, Score};
    use bersih_names::lexicon;
    use bersih_names::train::{read_sets, train, Recipe, TrainOptions};
    use bersih_names::{Kind, Tagger};

    /// The repository's root, where the data and fixtures live.
    const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

    const EXIT_BAD_INPUT: u8 = 2;

    const USAGE: &str = "usage: train-ner [--dev | --eval [--model FILE]] [--out FILE] [--bits N]
                 [--epochs N] [--rate STEP] [--compand POWER] [--l2 PENALTY]
                 [--seed N] [--only SET]
  (default)  train on the train and dev splits of both data sets and write the model
             (crates/names/src/data/ner.model unless --out: this is how the embedded model is made)
  --dev      train on the train splits only and print the dev scores after each pass; write
             the model only with --out
  --eval     print the scores of the embedded model (or of --model FILE); write nothing
  --only     train on one set: idner-news-2k, nergrit, or one of data/ner (e.g. english-a)
Scores include the project's own English and Malay fixtures (tests/fixtures/ner) and the
distinct entities of real articles (tests/fixtures/ner/articles.tsv), which no recipe trains on.";

    /// Fixtures written for this project, scored in every report and never trained on.
    const FIXTURES: [(&str, &str, Lang); 2] = [
        ("english", "tests/fixtures/ner/english.conll", Lang::En),
        ("malay", "tests/fixtures/ner/malay.conll", Lang::Ms),
    ];

    /// Answer key of the real articles scored in every report (never trained on).
    const ARTICLES: &str = "tests/fixtures/ner/articles.tsv";

    /// The embedded files, under the repository.
    const MODEL_FILE: &str = "crates/names/src/data/ner.model";
    const TABLES_FILE: &str = "crates/names/src/data/lexicon.bin";

    #[derive(PartialEq)]
    enum Mode {
        Train(Recipe),
        Eval,
        Tables,
    }

    struct Args {
        mode: Mode,
        /// Train on this data set only (by name).
        only: Option<String>,
        out: Option<PathBuf>,
        /// The model `--eval` scores instead of the embedded one.
        model: Option<PathBuf>,
        opts: TrainOptions,
    }

    pub fn main() -> ExitCode {
        match parse_args().and_then(|a| run(&a)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(msg) => {
                eprintln!("train-ner: {msg}");
                ExitCode::from(EXIT_BAD_INPUT)
            }
        }
    }

    fn parse_args() -> Result<Args, String> {
        let mut args = Args {
            mode: Mode::Train(Recipe::Embedded),
            only: None,
            out: None,
            model: None,
            opts: TrainOptions::default(),
        };
        let mut it = std::env::args().skip(1);
        while let Some(a) = it.next() {
            let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
            match a.as_str() {
                "--dev" => args.mode = Mode::Train(Recipe::Dev),
                "--eval" => args.mode = Mode::Eval,
                "--tables" => args.mode = Mode::Tables,
                "--out" => args.out = Some(PathBuf::from(value("--out")?)),
                "--model" => args.model = Some(PathBuf::from(value("--model")?)),
                "--only" => args.only = Some(value("--only")?),
                "--compand" => {
                    args.opts.compand = value("--compand")?.parse().map_err(|e| format!("{e}"))?
                }
                "--bits" => {
                    args.opts.bits = value("--bits")?.parse().map_err(|e| format!("{e}"))?
                }
                "--rate" => {
                    args.opts.rate = value("--rate")?.parse().map_err(|e| format!("{e}"))?
                }
                "--l2" => args.opts.l2 = value("--l2")?.parse().map_err(|e| format!("{e}"))?,
                "--seed" => {
                    args.opts.seed = value("--seed")?.parse().map_err(|e| format!("{e}"))?
                }
                "--epochs" => {
                    args.opts.epochs = value("--epochs")?.parse().map_err(|e| format!("{e}"))?
                }
                "-h" | "--help" => return Err(USAGE.to_string()),
                _ => return Err(format!("unknown argument {a}\n{USAGE}")),
            }
        }
        Ok(args)
    }

    fn shared_dir() -> PathBuf {
        std::env::var_os("BERSIH_SHARED")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(REPO).join("../shared"))
    }

    fn read(path: &Path) -> Result<Vec<Labelled>, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        conll::read_labelled(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Writes a file the build embeds (or `--out`), and says so.
    fn write(out: &Path, bytes: &[u8]) -> Result<(), String> {
        std::fs::write(out, bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
        Ok(())
    }

    fn run(args: &Args) -> Result<(), String> {
        let recipe = match args.mode {
            Mode::Train(recipe) => recipe,
            Mode::Eval => Recipe::Dev,
            Mode::Tables => {
                let embedded = Path::new(REPO).join(TABLES_FILE);
                return write(
                    args.out.as_deref().unwrap_or(&embedded),
                    &lexicon::generate(),
                );
            }
        };
        let data = read_sets(
            &shared_dir().join("data/ner-id"),
            &Path::new(REPO).join("data/ner"),
            recipe,
            args.only.as_deref(),
        )?;
        let mut sets: Vec<(&str, Lang, Vec<Labelled>)> = data
            .devs
            .into_iter()
            .map(|(name, dev)| (name, Lang::Id, dev))
            .collect();
        for (name, file, lang) in FIXTURES {
            let path = Path::new(REPO).join(file);
            if path.exists() {
                sets.push((name, lang, read(&path)?));
            }
        }
        let articles = Articles::load()?;
        let report = |tagger: &Tagger| report(tagger, &sets, articles.as_ref());
        let Mode::Train(recipe) = args.mode else {
            match &args.model {
                Some(path) => {
                    let bytes = std::fs::read(path)
                        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                    let tagger = Tagger::from_bytes(&bytes)
                        .map_err(|e| format!("{}: {e}", path.display()))?;
                    report(&tagger);
                }
                None => report(Tagger::embedded()),
            }
            return Ok(());
        };
        eprintln!(
            "training on {} sentences, 2^{} buckets, {} passes",
            data.train.len(),
            args.opts.bits,
            args.opts.epochs
        );
        let bytes = train(&data.train, &args.opts, |epoch, tagger| {
            if recipe == Recipe::Dev {
                println!("pass {epoch}");
                report(tagger);
            }
        });
        let embedded = Path::new(REPO).join(MODEL_FILE);
        let out = match (&args.out, recipe) {
            (Some(out), _) => out.as_path(),
            (None, Recipe::Embedded) => embedded.as_path(),
            (None, Recipe::Dev) => return Ok(()),
        };
        write(out, &bytes)
    }

    /// The answer key of real articles and where their pages are, when both are there.
    struct Articles {
        key: Vec<articles::Page>,
        corpora: PathBuf,
    }

    impl Articles {
        fn load() -> Result<Option<Articles>, String> {
            let corpora = shared_dir().join("corpora");
            let path = Path::new(REPO).join(ARTICLES);
            if !corpora.is_dir() || !path.exists() {
                return Ok(None);
            }
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let key = articles::read_key(&text).map_err(|e| format!("{ARTICLES}: {e}"))?;
            Ok(Some(Articles { key, corpora }))
        }
    }

    /// Prints F1 per type and micro for each set, read both ways (see [`Reading`]), then the
    /// distinct-entity scores on real articles by page language.
    fn report(tagger: &Tagger, sets: &[(&str, Lang, Vec<Labelled>)], articles: Option<&Articles>) {
        for (name, lang, set) in sets {
            for (reading, how) in [
                (Reading::Sentences, "sentences"),
                (Reading::OneDocument, "one document"),
            ] {
                print_score(name, how, &evaluate(tagger, set, *lang, reading));
            }
        }
        let Some(a) = articles else { return };
        match articles::evaluate(tagger, &a.key, &a.corpora) {
            Ok(by_lang) => {
                for (lang, s) in by_lang {
                    print_score(&format!("articles {lang}"), "distinct", &s);
                }
            }
            Err(e) => println!("  articles: {e}"),
        }
    }

    fn print_score(name: &str, how: &str, s: &Score) {
        let micro = s.micro();
        println!(
            "  {name:<14} {how:<12}  PER {:.4}  ORG {:.4}  LOC {:.4}  P {:.4}  R {:.4}  micro {:.4}",
            s.kind(Kind::Per).f1(),
            s.kind(Kind::Org).f1(),
            s.kind(Kind::Loc).f1(),
            micro.precision(),
            micro.recall(),
            micro.f1()
        );
    }
}
