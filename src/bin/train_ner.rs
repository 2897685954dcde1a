//! `train-ner`: trains the entity model from the shared CoNLL data and writes the file the
//! build embeds (`src/entities/data/ner.model`). Glue only: reading, scoring, writing.
//!
//! ```text
//! cargo run --release --bin train-ner                 # the embedded model: train splits only,
//!                                                     # dev scores after each pass
//! cargo run --release --bin train-ner -- --final      # train + dev of both sets (no dev score)
//! cargo run --release --bin train-ner -- --eval       # dev scores of the embedded model
//! ```
//!
//! Data: `$BERSIH_SHARED/data/ner-id` (default `../shared` beside the repository), folders
//! `idner-news-2k` (`train.txt`, `dev.txt`) and `nergrit` (`train_preprocess.txt`,
//! `valid_preprocess.txt`). Exit codes: 0 = done, 2 = bad arguments or unreadable data.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

/// Training reads files: there is nothing to run in a browser.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use bersih::entities::conll::{self, Labelled, Score};
    use bersih::entities::train::{train, TrainOptions};
    use bersih::entities::{Kind, TagOptions, Tagger};
    use bersih::lang::Lang;

    const EXIT_BAD_INPUT: u8 = 2;

    const USAGE: &str = "usage: train-ner [--final | --eval] [--out FILE] [--bits N] [--epochs N]
                 [--compand POWER] [--only idner-news-2k|nergrit]
  (default)  train on the train splits of both data sets, print dev scores after each pass,
             write the model (this is how the embedded model is made)
  --final    train on train+dev of both data sets, write the model
  --eval     print the dev scores of the embedded model; write nothing";

    /// A data set: its name, train file and dev file under the data folder.
    const SETS: [(&str, &str, &str); 2] = [
        (
            "idner-news-2k",
            "idner-news-2k/train.txt",
            "idner-news-2k/dev.txt",
        ),
        (
            "nergrit",
            "nergrit/train_preprocess.txt",
            "nergrit/valid_preprocess.txt",
        ),
    ];

    #[derive(PartialEq)]
    enum Mode {
        Final,
        Dev,
        Eval,
    }

    struct Args {
        mode: Mode,
        /// Train on this data set only (by name).
        only: Option<String>,
        out: PathBuf,
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
            mode: Mode::Dev,
            only: None,
            out: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/entities/data/ner.model"),
            opts: TrainOptions::default(),
        };
        let mut it = std::env::args().skip(1);
        while let Some(a) = it.next() {
            let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
            match a.as_str() {
                "--final" => args.mode = Mode::Final,
                "--eval" => args.mode = Mode::Eval,
                "--out" => args.out = PathBuf::from(value("--out")?),
                "--only" => args.only = Some(value("--only")?),
                "--compand" => {
                    args.opts.compand = value("--compand")?.parse().map_err(|e| format!("{e}"))?
                }
                "--bits" => {
                    args.opts.bits = value("--bits")?.parse().map_err(|e| format!("{e}"))?
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

    fn data_dir() -> PathBuf {
        std::env::var_os("BERSIH_SHARED")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
            .join("data/ner-id")
    }

    fn read(path: &Path) -> Result<Vec<Labelled>, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        conll::read_labelled(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    fn run(args: &Args) -> Result<(), String> {
        let dir = data_dir();
        let mut train_data = Vec::new();
        let mut devs = Vec::new();
        for (name, train_file, dev_file) in SETS {
            let dev = read(&dir.join(dev_file))?;
            let wanted = args.only.as_deref().is_none_or(|o| o == name);
            if args.mode != Mode::Eval && wanted {
                train_data.extend(read(&dir.join(train_file))?);
                if args.mode == Mode::Final {
                    train_data.extend(dev.iter().cloned());
                }
            }
            devs.push((name, dev));
        }
        if args.mode == Mode::Eval {
            report(Tagger::embedded(), &devs);
            return Ok(());
        }
        eprintln!(
            "training on {} sentences, 2^{} buckets, {} passes",
            train_data.len(),
            args.opts.bits,
            args.opts.epochs
        );
        let bytes = train(&train_data, &args.opts, |epoch, tagger| {
            if args.mode == Mode::Dev {
                println!("pass {epoch}");
                report(tagger, &devs);
            }
        });
        std::fs::write(&args.out, &bytes)
            .map_err(|e| format!("cannot write {}: {e}", args.out.display()))?;
        eprintln!("wrote {} ({} bytes)", args.out.display(), bytes.len());
        Ok(())
    }

    /// Prints dev F1 per type and micro for each data set, each sentence set read as one document.
    fn report(tagger: &Tagger, devs: &[(&str, Vec<Labelled>)]) {
        for (name, dev) in devs {
            for document in [false, true] {
                let s = dev_score(tagger, dev, document);
                println!(
                    "  {name:<14} doc={document:<5} PER {:.4}  ORG {:.4}  LOC {:.4}  micro {:.4}",
                    s.kind(Kind::Per).f1(),
                    s.kind(Kind::Org).f1(),
                    s.kind(Kind::Loc).f1(),
                    s.micro().f1()
                );
            }
        }
    }

    fn dev_score(tagger: &Tagger, dev: &[Labelled], document: bool) -> Score {
        let words: Vec<Vec<&str>> = dev
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let opts = TagOptions {
            lang: Some(Lang::Id),
            document,
        };
        let pred = tagger.tag_document(&words, &opts);
        let gold: Vec<_> = dev.iter().map(|s| s.tags.clone()).collect();
        conll::score(&gold, &pred)
    }
}
