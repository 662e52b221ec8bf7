fn main() -> std::process::ExitCode {
    roc_kiosk::cli::main()
}
