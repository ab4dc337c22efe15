from ipplan.cli.app import main

main()
