from boundary_tracker.cli.main import main

main()
