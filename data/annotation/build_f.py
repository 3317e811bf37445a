"""Build the f-story folders (training set F) from marked-up sources, with build_e's markup:
python data/annotation/build_f.py f1"""
import sys, pathlib
sys.path.insert(0, str(pathlib.Path(__file__).parent))
import build_e

PEOPLE = {
    "f1": ["Conrad Peverell", "Dale Gorrick", "Elena Vashti", "Hollis Ambley", "Ottilie Delacombe",
           "Ignatius Penrose", "Everard Quenby", "Wendell Crane", "Anjali Amadi", "Greta Thistlewood",
           "Teodric Lasko", "Beatrix Ollerenshaw", "Yasmin Haddaway", "Britt Strandvik", "Milo Ingleby",
           "Kerstin Vossberg", "Tessa Kaldera", "Selwyn Imrie", "Hester Fanshawe"],
    "f2": ["Barnaby Tollan", "Alaric Castellane", "Rosalba Ferreira-Lund", "Tomé Arrabal", "Henrike Solvang",
           "Lucan Wexcombe", "Rukmini Selby", "Celestine Aubrecht", "Isaura Dessane", "Casimir Nyberg",
           "Josefa Bramwell", "Leopold Straith", "Clemency Rudge", "Fintan", "Dee", "Wilf", "Marisol"],
    "f3": ["Ilario Castagno", "Desmond Okwuosa", "Fenella Harkaway", "Aurelio Renwick", "Torvald Sandqvist",
           "Agathe Morlaix", "Bertil Jessup", "Wanjiru Thorne", "Solveig Olander", "Liesel Quartermain",
           "Corinna Dallow", "Thea Rafferty", "Ludo", "Winifred", "Ambrose Tilbury"],
}

if __name__ == "__main__":
    for name in sys.argv[1:]:
        build_e.build(f"data/training/{name}", PEOPLE[name], prefix=f"t_{name}")
